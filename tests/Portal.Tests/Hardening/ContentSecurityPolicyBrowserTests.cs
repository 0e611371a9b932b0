using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>Real Chromium enforces the policy: the pages load without a single violation report on the console.</summary>
public class ContentSecurityPolicyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Pages_load_without_content_security_policy_violations()
    {
        await using var host = await PortalTestHost.StartAsync();
        var page = await browser.NewPageAsync(host);
        var messages = new List<string>();
        page.Console += (_, message) => { lock (messages) messages.Add($"{page.Url}: {message.Text} ({message.Location})"); };

        foreach (var url in new[] { "/", "/councils?ward=27127", "/search?q=防災", "/account/login" })
        {
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(200, response!.Status);
            Assert.NotNull(response.Headers.GetValueOrDefault("content-security-policy"));
        }

        // The check itself works: content the policy forbids is reported on this very console.
        await page.EvaluateAsync("() => { const s = document.createElement('style'); s.textContent = 'body{}'; document.head.appendChild(s); }");
        await page.WaitForTimeoutAsync(200);
        lock (messages)
        {
            var violations = messages.Where(m => m.Contains("Content Security Policy")).ToList();
            Assert.True(violations.Count == 1, string.Join("\n", violations));
            Assert.Contains("style-src", violations[0]);
        }
    }
}
