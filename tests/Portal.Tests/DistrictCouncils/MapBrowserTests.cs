using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>The map in Chromium: Leaflet draws markers from the GeoJSON; the list below carries the same councils.</summary>
public class MapBrowserTests(BrowserFixture browser, DefaultSiteFixture site) : IClassFixture<BrowserFixture>, IClassFixture<DefaultSiteFixture>
{
    [Fact]
    public async Task Kita_ward_map_shows_markers_and_lists_its_three_councils()
    {
        var page = await browser.NewPageAsync(site.Host);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // No tile server is reachable in tests: fail tile requests at once.
        await page.RouteAsync(new Regex("^https?://(?!127\\.0\\.0\\.1)"), route => route.AbortAsync());

        await page.GotoAsync($"/councils/map?ward={PortalData.KitaWard}");

        var map = page.Locator("#council-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-marker-count", "3");
        var markers = page.Locator("#council-map .leaflet-marker-icon");
        await Assertions.Expect(markers.First).ToBeVisibleAsync();
        // While markercluster animates, a cluster icon and its markers can both be in the DOM: at least one is enough.
        Assert.True(await markers.CountAsync() >= 1);

        var expected = await site.Host.QueryAsync(db => db.Set<DistrictCouncil>()
            .Where(c => c.Ward!.Code == PortalData.KitaWard && c.IsPublished).Select(c => c.Name).ToListAsync());
        var listed = await page.Locator("ul.council-map-list > li > a").AllInnerTextsAsync();
        Assert.Equal(3, listed.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Empty(errors);

        // Keyboard users reach the councils through the list.
        await page.Locator("ul.council-map-list > li > a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(listed[0]);
    }
}
