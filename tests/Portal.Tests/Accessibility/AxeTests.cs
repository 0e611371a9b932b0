using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accessibility;

/// <summary>
/// JIS X 8341-3:2016 level AA (= WCAG 2.1 AA): axe-core over the public pages and the staff forms, plus the keyboard
/// basics axe cannot see (skip link, visible focus) and the document language.
/// </summary>
public class AxeTests(AxeSiteFixture site) : IClassFixture<AxeSiteFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private const string MissingPage = "/councils/999999";

    private PortalTestHost Host => site.Host;

    [Fact]
    public async Task Public_pages_have_no_WCAG_21_AA_violations()
    {
        var page = await site.Browser.NewPageAsync(Host);
        try
        {
            var council = await FirstLinkAsync(page, $"/councils?ward={PortalData.KitaWard}", @"^/councils/\d+$");
            var update = await FirstLinkAsync(page, council, @"^/councils/\d+/updates/\d+$");
            var meeting = await FirstLinkAsync(page, $"/meetings?ward={PortalData.KitaWard}", @"^/meetings/\d+$");
            var taskForce = await FirstLinkAsync(page, "/taskforces", @"^/taskforces/\d+$");
            var profiles = await LinksAsync(page, "/support-organisations", @"^/support-organisations/\d+$");
            Assert.True(profiles.Count >= 2, "The demo directory should list at least two support organisations.");
            var compare = "/support-organisations/compare?" + string.Join("&", profiles.Take(2).Select(p => "ids=" + p.Split('/').Last()));
            var voice = await FirstLinkAsync(page, "/voice", @"^/voice/\d+$");

            string[] urls =
            [
                "/", "/councils", $"/councils?ward={PortalData.KitaWard}", council, update,
                $"/meetings?ward={PortalData.KitaWard}", meeting, "/taskforces", taskForce,
                "/support-organisations", profiles[0], compare, "/voice", voice,
                "/search?q=" + Uri.EscapeDataString("防災"), "/account/login", MissingPage,
            ];
            await AssertNoViolationsAsync(page, urls);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Staff_forms_have_no_WCAG_21_AA_violations()
    {
        var page = await site.Browser.NewPageAsync(Host);
        try
        {
            var councilId = Id(await FirstLinkAsync(page, $"/councils?ward={PortalData.KitaWard}", @"^/councils/\d+$"));
            var updateId = Id(await FirstLinkAsync(page, $"/councils/{councilId}", @"^/councils/\d+/updates/\d+$"));
            var meetingId = Id(await FirstLinkAsync(page, $"/meetings?ward={PortalData.KitaWard}", @"^/meetings/\d+$"));
            var taskForceId = Id(await FirstLinkAsync(page, "/taskforces", @"^/taskforces/\d+$"));
            var profileId = Id(await FirstLinkAsync(page, "/support-organisations", @"^/support-organisations/\d+$"));
            var voiceId = Id(await FirstLinkAsync(page, "/voice", @"^/voice/\d+$"));

            await LoginAsync(page, TestUsers.Admin);
            var session = await LinksAsync(page, $"/taskforces/{taskForceId}", @"^/staff/taskforces/\d+/sessions/edit/\d+$");

            string[] urls =
            [
                $"/staff/councils/edit/{councilId}",
                $"/staff/updates/edit/{updateId}",
                $"/staff/meetings/edit/{meetingId}",
                $"/staff/meetings/{meetingId}/minutes",
                session.Count > 0 ? session[0] : $"/staff/taskforces/{taskForceId}/sessions/edit",
                $"/staff/voice/edit/{voiceId}",
                $"/staff/support-profile/{profileId}",
                "/digests/subscriptions",
                "/admin/digests",
            ];
            await AssertNoViolationsAsync(page, urls);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task English_pages_and_forms_showing_errors_have_no_WCAG_21_AA_violations()
    {
        var page = await site.Browser.NewPageAsync(Host);
        try
        {
            await page.GotoAsync("/culture?lang=en&returnUrl=%2F");
            await AssertNoViolationsAsync(page, ["/", $"/councils?ward={PortalData.KitaWard}", "/account/login"]);

            // A failed sign-in re-renders the form with its error summary and field errors.
            await page.GotoAsync("/culture?lang=ja&returnUrl=%2Faccount%2Flogin");
            await page.GetByLabel("ユーザー名").FillAsync(TestUsers.KitaCommunity);
            await page.GetByLabel("パスワード").FillAsync("wrong-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            await AssertNoViolationsOnCurrentPageAsync(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Pages_reflow_at_320_CSS_pixels_without_horizontal_scrolling()
    {
        // WCAG 2.1 SC 1.4.10: 1280px at 400% zoom.
        var context = await site.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(), Locale = "ja-JP", ViewportSize = new ViewportSize { Width = 320, Height = 640 },
        });
        var page = await context.NewPageAsync();
        try
        {
            var council = await FirstLinkAsync(page, $"/councils?ward={PortalData.KitaWard}", @"^/councils/\d+$");
            var failures = new List<string>();
            foreach (var url in new[] { "/", $"/councils?ward={PortalData.KitaWard}", council, $"/meetings?ward={PortalData.KitaWard}", "/taskforces", "/support-organisations", "/voice", "/search?q=" + Uri.EscapeDataString("防災"), "/account/login" })
            {
                await page.GotoAsync(url);
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (width > 320) failures.Add($"{url}: content is {width}px wide");
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_axe_check_catches_a_planted_violation()
    {
        // Guards the checks above against passing vacuously (axe not injected, tags matching no rules).
        var page = await site.Browser.NewPageAsync(Host);
        try
        {
            await page.GotoAsync("/account/login");
            var clean = await RunAxeAsync(page);
            Assert.Empty(clean.Violations);
            Assert.True(clean.PassedRules > 10, $"axe ran only {clean.PassedRules} passing rules.");

            await page.EvaluateAsync("() => { const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').append(i); }");
            var planted = await RunAxeAsync(page);
            Assert.Contains(planted.Violations, v => v.Id == "label");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task First_Tab_reaches_the_skip_link_and_Enter_moves_focus_to_the_main_content()
    {
        var page = await site.Browser.NewPageAsync(Host);
        try
        {
            foreach (var url in new[] { "/", $"/councils?ward={PortalData.KitaWard}", "/account/login" })
            {
                await page.GotoAsync(url);
                await page.Keyboard.PressAsync("Tab");
                var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
                Assert.True(focused == "本文へ移動", $"{url}: the first Tab focused '{focused}', not the skip link.");
                Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches(':focus-visible')"), $"{url}: the skip link is not :focus-visible.");
                Assert.True(await page.Locator("a.skip-link").IsVisibleAsync(), $"{url}: the focused skip link is not visible.");

                await page.Keyboard.PressAsync("Enter");
                var target = await page.EvaluateAsync<string>("() => document.activeElement.tagName + '#' + document.activeElement.id");
                Assert.True(target == "MAIN#main", $"{url}: after Enter on the skip link focus is on {target}, not main#main.");
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Keyboard_focus_on_links_and_buttons_has_a_visible_outline()
    {
        var page = await site.Browser.NewPageAsync(Host);
        try
        {
            await LoginAsync(page, TestUsers.KitaCommunity);
            foreach (var url in new[] { "/", "/account/login", "/digests/subscriptions", $"/meetings?ward={PortalData.KitaWard}" })
            {
                await page.GotoAsync(url);
                var checkedElements = 0;
                for (var i = 0; i < 30; i++)
                {
                    await page.Keyboard.PressAsync("Tab");
                    var state = await page.EvaluateAsync<string[]>(@"() => {
                        const e = document.activeElement;
                        if (!e || e === document.body) return ['', '', '', ''];
                        const s = getComputedStyle(e);
                        return [e.tagName, e.matches(':focus-visible') ? 'visible' : 'no', s.outlineStyle, s.outlineWidth, (e.textContent || e.value || '').trim().slice(0, 40)];
                    }");
                    if (state[0] is not ("A" or "BUTTON" or "INPUT" or "SELECT" or "TEXTAREA")) continue;
                    checkedElements++;
                    Assert.True(state[1] == "visible", $"{url}: {state[0]} '{state[4]}' is focused by Tab but not :focus-visible.");
                    Assert.True(state[2] != "none" && state[3] != "0px",
                        $"{url}: {state[0]} '{state[4]}' has no visible focus outline (outline-style {state[2]}, width {state[3]}).");
                }
                Assert.True(checkedElements > 3, $"{url}: only {checkedElements} focusable controls were reached by Tab.");
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Document_language_is_Japanese_by_default_and_English_after_switching()
    {
        var page = await site.Browser.NewPageAsync(Host);
        try
        {
            await page.GotoAsync("/councils");
            Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));

            await page.GotoAsync("/culture?lang=en&returnUrl=%2Fcouncils");
            Assert.EndsWith("/councils", new Uri(page.Url).AbsolutePath);
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            await page.GotoAsync("/");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            // The language switch names the other language in that language.
            Assert.Equal("ja", await page.Locator("a.lang-switch").GetAttributeAsync("lang"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task AssertNoViolationsAsync(IPage page, IEnumerable<string> urls)
    {
        var report = new StringBuilder();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            var expected = url == MissingPage ? 404 : 200;
            Assert.True(response?.Status == expected, $"{url} answered {response?.Status}, expected {expected}.");
            Assert.True(url == "/account/login" || !page.Url.Contains("/account/login"), $"{url} sent the browser to the login page.");
            await ReportViolationsAsync(page, url, report);
        }
        Assert.True(report.Length == 0, "axe-core found WCAG 2.1 AA violations:\n" + report);
    }

    private static async Task AssertNoViolationsOnCurrentPageAsync(IPage page)
    {
        var report = new StringBuilder();
        await ReportViolationsAsync(page, new Uri(page.Url).PathAndQuery, report);
        Assert.True(report.Length == 0, "axe-core found WCAG 2.1 AA violations:\n" + report);
    }

    private static async Task ReportViolationsAsync(IPage page, string url, StringBuilder report)
    {
        var result = await RunAxeAsync(page);
        foreach (var violation in result.Violations)
        {
            var node = violation.Nodes.FirstOrDefault();
            report.AppendLine($"{url}: {violation.Id} ({violation.Impact}) ×{violation.Nodes.Count} at {node?.Target} — {violation.Help}");
            if (node is not null) report.AppendLine("    " + node.Html);
        }
    }

    private static Task<Axe.Result> RunAxeAsync(IPage page) => Axe.RunAsync(page, WcagTags);

    private static async Task LoginAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザー名").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    private static async Task<string> FirstLinkAsync(IPage page, string url, string pattern)
    {
        var links = await LinksAsync(page, url, pattern);
        Assert.True(links.Count > 0, $"{url} has no link matching {pattern}.");
        return links[0];
    }

    private static async Task<List<string>> LinksAsync(IPage page, string url, string pattern)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}.");
        var hrefs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
        return hrefs.Where(h => Regex.IsMatch(h, pattern)).Distinct().ToList();
    }

    private static string Id(string path) => path.Split('/').Last();
}
