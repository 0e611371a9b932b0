using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// Script, markup and control characters saved through every free-text field (<see cref="StoredPayloadSite"/>): every
/// page, feed and API that shows them answers without a 5xx, HTML pages carry them only escaped or sanitised, stored
/// values fit their columns, and in Chromium, with the Content-Security-Policy switched off so that only escaping and
/// sanitising stand in the way, nothing runs.
/// </summary>
public class BadInputStoredContentTests(StoredPayloadSite stored, BrowserFixture browser) : IClassFixture<StoredPayloadSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Pages_feeds_and_apis_show_stored_payloads_only_escaped_and_never_fail()
    {
        var failures = await stored.CheckPagesAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Stored_values_fit_the_columns_the_model_declares()
    {
        var overlong = await StoredPayloadSite.OverlongColumnsAsync(stored.Host);
        Assert.True(overlong.Count == 0, "Longer than their column (a 500 on PostgreSQL):\n" + string.Join("\n", overlong));
    }

    /// <summary>
    /// Rich text that grows when it is sanitised (20,000 "&lt;" become 80,000 characters of "&amp;lt;") is refused with a
    /// message instead of being stored beyond its column (a 500 on PostgreSQL, a silent overflow on SQLite).
    /// </summary>
    [Fact]
    public async Task Rich_text_that_grows_beyond_its_column_when_sanitised_is_refused_with_a_message()
    {
        foreach (var (form, response) in stored.Expansions)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form} answered {(int)response.StatusCode}");
            Assert.Contains("本文は保存できる長さ", html);
        }
        Assert.Empty(await StoredPayloadSite.OverlongColumnsAsync(stored.Host));
    }

    /// <summary>Control characters are dropped from typed text (they are invisible, and XML cannot carry them).</summary>
    [Fact]
    public async Task Text_saved_through_the_forms_keeps_no_control_characters()
    {
        var snapshot = await DatabaseSnapshot.TakeAsync(stored.Host);
        var controls = snapshot.Rows.Where(r => r.Row.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r' || c is '\uFFFE' or '\uFFFF'))
            .Select(r => $"{r.Table}: {BadInputCases.Short(r.Row)}").ToList();
        Assert.True(controls.Count == 0, string.Join("\n", controls));
    }

    /// <summary>Text with control characters already in the database (a recipe, data from before) does not break the Atom feeds.</summary>
    [Fact]
    public async Task Atom_feeds_leave_out_characters_xml_cannot_carry()
    {
        await using (var scope = stored.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var update = await db.Set<CouncilUpdate>().FirstAsync(u => u.Id == stored.UpdateId);
            update.Title = "制御文字\u0001\u001B\uFFFE入りのタイトル 🎌";
            update.Body = "<p>本文\u000B\u0008</p>";
            await db.SaveChangesAsync();
        }
        using var resident = stored.Host.CreateClient();
        foreach (var url in new[] { "/councils/feeds/updates.atom", "/councils/feeds/ward/27127.atom" })
        {
            using var response = await resident.GetAsync(url);
            var xml = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var feed = System.Xml.Linq.XDocument.Parse(xml);
            Assert.Contains(feed.Descendants(), e => e.Name.LocalName == "title" && e.Value == "制御文字入りのタイトル 🎌");
        }
    }

    [Fact]
    public async Task No_stored_script_runs_in_chromium_on_any_page_for_residents_or_staff()
    {
        var failures = new List<string>();
        await VisitAsync(stored.PublicPages, signIn: null, failures);
        await VisitAsync(stored.StaffPages, signIn: TestUsers.Admin, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The browser check can see a script run: on a page of the site, with the policy ignored, an injected handler does
    /// set window.__xss (and with the policy in force it does not, which is why the check switches it off).
    /// </summary>
    [Fact]
    public async Task The_browser_check_sees_an_injected_handler_run_when_the_policy_is_ignored()
    {
        foreach (var bypass in new[] { true, false })
        {
            await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = stored.Host.BaseAddress.ToString(), BypassCSP = bypass });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/councils");
            // The probe's own listener, added after the inline handler, tells when the error event has been dispatched
            // (with or without the policy): no fixed wait that a loaded machine can outlast.
            await page.EvaluateAsync("""
                () => {
                    document.body.insertAdjacentHTML('beforeend', '<img id="xss-probe" src="x" onerror="window.__xss=1">');
                    document.getElementById('xss-probe').addEventListener('error', () => window.__probeFailed = true);
                }
                """);
            await page.WaitForFunctionAsync("() => window.__probeFailed === true");
            Assert.Equal(bypass, await page.EvaluateAsync<bool>("() => window.__xss === 1"));
        }
    }

    /// <summary>
    /// Opens each page in a context that ignores the Content-Security-Policy, and fails on a dialog, on window.__xss being
    /// set, or on any element carrying an event handler attribute or a javascript:/data:/vbscript: link.
    /// </summary>
    private async Task VisitAsync(IEnumerable<string> urls, string? signIn, List<string> failures)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = stored.Host.BaseAddress.ToString(), Locale = "ja-JP", BypassCSP = true,
        });
        // No request leaves the machine (map tiles): they would only slow the page down.
        await context.RouteAsync(url => !url.StartsWith(stored.Host.BaseAddress.ToString(), StringComparison.Ordinal), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };
        if (signIn is not null)
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("ユーザー名").FillAsync(signIn);
            await page.GetByLabel("パスワード").FillAsync(TestUsers.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        }

        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response?.Status != 200)
                failures.Add($"{url} answered {response?.Status}");
            if (url.StartsWith("/councils/map", StringComparison.Ordinal))
                await page.WaitForSelectorAsync("#council-map[data-marker-count], .council-map-error", new() { State = WaitForSelectorState.Attached });
            // Let timers, image errors and animations run.
            await page.WaitForTimeoutAsync(50);
            if (await page.EvaluateAsync<bool>("() => window.__xss !== undefined"))
                failures.Add($"{url}: a stored script set window.__xss");
            var dangerous = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                    .filter(a => a.name.startsWith('on') || (/^(href|src|action|formaction|data|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)))
                    .map(a => `<${e.localName} ${a.name}="${a.value.slice(0, 60)}">`))
                """);
            failures.AddRange(dangerous.Select(d => $"{url}: {d}"));
        }
        failures.AddRange(dialogs);
    }
}
