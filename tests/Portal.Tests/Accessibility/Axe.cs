using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.Tests.Accessibility;

/// <summary>
/// axe-core, the npm package pinned in tests/Portal.Tests/package.json (tests/run.sh installs it), injected into the
/// page and run there. Injected through the DevTools protocol, which the site's Content-Security-Policy does not govern.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        if (!File.Exists(path))
            throw new InvalidOperationException(
                "axe-core is not installed: run `npm ci --prefix tests/Portal.Tests` (tests/run.sh does) and build the tests again.");
        return File.ReadAllText(path);
    });

    public sealed record Node(string Target, string Html);

    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<Node> Nodes);

    /// <param name="PassedRules">How many rules found elements to check and passed: near zero means axe saw nothing.</param>
    public sealed record Result(IReadOnlyList<Violation> Violations, int PassedRules);

    public static async Task<Result> RunAsync(IPage page, IReadOnlyList<string> tags)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        var result = await page.EvaluateAsync<JsonElement>("""
            async tags => {
                const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
                return {
                    passes: r.passes.length,
                    violations: r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => ({ target: String(n.target), html: n.html })),
                    })),
                };
            }
            """, tags);
        var violations = result.GetProperty("violations").EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString(),
            v.GetProperty("help").GetString()!,
            v.GetProperty("nodes").EnumerateArray()
                .Select(n => new Node(n.GetProperty("target").GetString()!, n.GetProperty("html").GetString()!)).ToList())).ToList();
        return new Result(violations, result.GetProperty("passes").GetInt32());
    }
}
