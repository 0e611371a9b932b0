using Portal.Modules.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

public class SearchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_resident_searches_in_Japanese_and_opens_a_result()
    {
        await using var host = await PortalTestHost.StartAsync();
        // The demo content reaches the index in the background; under load it could still be on its way.
        await host.Service<SearchIndexer>().CatchUpAsync(CancellationToken.None);
        var page = await browser.NewPageAsync(host);

        await page.GotoAsync("/");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Navigation, new() { Name = "メインメニュー" })
            .GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "検索", Exact = true }).ClickAsync();
        await page.GetByLabel("検索語").FillAsync("ボランティア");
        await page.GetByLabel("区", new() { Exact = true }).SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "北区" });
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "検索する" }).ClickAsync();

        var results = page.Locator("ol.search-results > li");
        await Microsoft.Playwright.Assertions.Expect(results.First).ToBeVisibleAsync();
        Assert.Contains("ボランティア", await results.First.Locator("mark").First.InnerTextAsync());
        var title = await results.First.Locator("h3 a").InnerTextAsync();

        await results.First.Locator("h3 a").ClickAsync();

        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        Assert.Matches("/councils/\\d+/updates/\\d+$", page.Url);
    }
}
