using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public class BrowserSmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Chromium_renders_the_portal_home_in_Japanese()
    {
        await using var host = await PortalTestHost.StartAsync();
        var page = await browser.NewPageAsync(host);

        await page.GotoAsync("/");

        Assert.Equal("区政協働ポータル", await page.TitleAsync());
    }
}
