using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>GeoJSON, the map page, the vendored Leaflet assets and the Atom feeds, on the unchanged demo site.</summary>
public class MapAndFeedTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    private static readonly XNamespace Atom = MapAndFeedData.Atom;
    private PortalTestHost Host => site.Host;

    [Fact]
    public async Task GeoJSON_lists_the_published_councils_with_coordinates_longitude_first()
    {
        using var client = Host.CreateClient();
        var all = await client.GeoJsonAsync("/api/councils/geojson");

        var expected = await Host.MappableCouncilIdsAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, MapAndFeedData.FeatureIds(all));

        var unpublished = await Host.UnpublishedCouncilAsync();
        Assert.DoesNotContain(unpublished.Id, MapAndFeedData.FeatureIds(all));

        var kita = await Host.KitaCouncilAsync();
        var feature = all.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("id").GetInt32() == kita.Id);
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.Equal([kita.Longitude!.Value, kita.Latitude!.Value], coordinates);
        Assert.Equal(PortalData.KitaCouncilName, feature.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("北区", feature.GetProperty("properties").GetProperty("ward").GetString());
        Assert.Equal($"/councils/{kita.Id}", feature.GetProperty("properties").GetProperty("url").GetString());
    }

    [Fact]
    public async Task GeoJSON_ward_filter_returns_that_ward_only_and_bad_wards_are_problems()
    {
        using var client = Host.CreateClient();
        var kita = await client.GeoJsonAsync($"/api/councils/geojson?ward={PortalData.KitaWard}");
        var expected = await Host.MappableCouncilIdsAsync(PortalData.KitaWard);
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, MapAndFeedData.FeatureIds(kita));
        Assert.All(kita.GetProperty("features").EnumerateArray(),
            f => Assert.Equal(PortalData.KitaWard, f.GetProperty("properties").GetProperty("wardCode").GetString()));

        var chuo = await client.GeoJsonAsync($"/api/councils/geojson?ward={PortalData.ChuoWard}");
        Assert.Empty(MapAndFeedData.FeatureIds(chuo).Intersect(expected));

        await (await client.GetAsync("/api/councils/geojson?ward=99999")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/councils/geojson?ward=1234567")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/assets/districtcouncils/vendor/leaflet/leaflet.js", "text/javascript", "Leaflet 1.9.4")]
    [InlineData("/assets/districtcouncils/vendor/markercluster/leaflet.markercluster.js", "text/javascript", "markerClusterGroup")]
    [InlineData("/assets/districtcouncils/js/council-map.js", "text/javascript", "data-geojson-url")]
    [InlineData("/assets/districtcouncils/vendor/leaflet/leaflet.css", "text/css", ".leaflet-marker-icon")]
    [InlineData("/assets/districtcouncils/vendor/markercluster/MarkerCluster.Default.css", "text/css", ".marker-cluster-small")]
    [InlineData("/assets/districtcouncils/css/council-map.css", "text/css", ".council-map")]
    [InlineData("/assets/theme/css/site.css", "text/css", "body")]
    public async Task Module_and_theme_assets_are_served_from_their_assemblies(string url, string mediaType, string content)
    {
        using var client = Host.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Leaflet_marker_images_are_served_next_to_its_stylesheet()
    {
        using var client = Host.CreateClient();
        var response = await client.GetAsync("/assets/districtcouncils/vendor/leaflet/images/marker-icon.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/districtcouncils/vendor/leaflet/missing.js")).StatusCode);
    }

    [Fact]
    public async Task Map_page_points_its_script_at_the_ward_GeoJSON_and_default_tiles_without_inline_script()
    {
        using var client = Host.CreateClient();
        var html = await client.GetStringAsync($"/councils/map?ward={PortalData.KitaWard}");

        Assert.Contains($"data-geojson-url=\"/api/councils/geojson?ward={PortalData.KitaWard}\"", html);
        Assert.Contains("data-tile-url=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"", html);
        Assert.Contains("OpenStreetMap", html);
        Assert.Contains("src=\"/assets/districtcouncils/vendor/leaflet/leaflet.js\"", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotContain("unpkg.com", html);

        var names = await Host.QueryAsync(db => db.Set<DistrictCouncil>()
            .Where(c => c.Ward!.Code == PortalData.KitaWard && c.IsPublished).Select(c => c.Name).ToListAsync());
        Assert.Equal(3, names.Count);
        Assert.All(names, name => Assert.Contains(name, html));
        Assert.DoesNotContain("中大江地域活動協議会", html);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/councils/map?ward=99999")).StatusCode);
        Assert.Contains("中大江地域活動協議会", await client.GetStringAsync("/councils/map"));
    }

    [Fact]
    public async Task Ward_feed_lists_the_wards_published_updates_newest_first_with_absolute_links()
    {
        using var client = Host.CreateClient();
        var feed = await client.AtomAsync($"/councils/feeds/ward/{PortalData.KitaWard}.atom");
        var root = feed.Root!;

        var id = root.Element(Atom + "id")!.Value;
        Assert.StartsWith("tag:", id);
        Assert.Contains(PortalData.KitaWard, id);
        Assert.Contains("北区", root.Element(Atom + "title")!.Value);

        var entries = root.Elements(Atom + "entry").ToList();
        var expected = await Host.FeedUpdateIdsAsync(PortalData.KitaWard);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, entries.Select(MapAndFeedData.UpdateIdOf).ToList());

        var rfc3339 = new Regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value)).ToList();
        Assert.Equal(updated.Max(), DateTimeOffset.Parse(root.Element(Atom + "updated")!.Value));
        Assert.Matches(rfc3339, root.Element(Atom + "updated")!.Value);

        var first = await Host.UpdateAsync(expected[0]);
        foreach (var entry in entries)
        {
            Assert.StartsWith("tag:", entry.Element(Atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            Assert.Matches(rfc3339, entry.Element(Atom + "published")!.Value);
            Assert.Matches(rfc3339, entry.Element(Atom + "updated")!.Value);
            Assert.EndsWith("+09:00", entry.Element(Atom + "published")!.Value);
            Assert.Equal("html", (string?)entry.Element(Atom + "content")!.Attribute("type"));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "author")?.Element(Atom + "name")?.Value));
            var href = new Uri(MapAndFeedData.AlternateHref(entry));
            Assert.True(href.IsAbsoluteUri);
            // Links start with the configured public base URL, not with the address the feed was read at.
            Assert.Equal(Host.Service<PublicBaseUrl>().Root.Authority, href.Authority);
        }
        Assert.Equal(first.PublishedUtc, DateTimeOffset.Parse(entries[0].Element(Atom + "published")!.Value).UtcDateTime);
        Assert.Equal(first.Body, entries[0].Element(Atom + "content")!.Value);
        var organisation = await Host.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == first.OrganisationId));
        Assert.Equal(organisation.Name, entries[0].Element(Atom + "author")!.Element(Atom + "name")!.Value);

        // The alternate link opens the update's page.
        var page = await client.GetAsync(new Uri(MapAndFeedData.AlternateHref(entries[0])).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(first.Title, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task All_wards_feed_has_at_most_50_entries_and_no_update_of_an_unpublished_council()
    {
        using var client = Host.CreateClient();
        var feed = await client.AtomAsync("/councils/feeds/updates.atom");
        var ids = feed.Root!.Elements(Atom + "entry").Select(MapAndFeedData.UpdateIdOf).ToList();

        var expected = await Host.FeedUpdateIdsAsync();
        Assert.True(expected.Count > 50, "the demo recipe should have more than 50 published updates to test the limit");
        Assert.Equal(expected.Take(50), ids);

        var unpublished = await Host.UnpublishedCouncilAsync();
        var hidden = await Host.QueryAsync(db => db.Set<CouncilUpdate>().Where(u => u.CouncilId == unpublished.Id).Select(u => u.Id).ToListAsync());
        Assert.NotEmpty(hidden);
        Assert.Empty(ids.Intersect(hidden));
    }

    [Fact]
    public async Task Unknown_ward_feed_is_404_and_the_ward_list_page_links_its_feed()
    {
        using var client = Host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/councils/feeds/ward/99999.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/councils/feeds/ward/1234567.atom")).StatusCode);

        var html = await client.GetStringAsync($"/councils?ward={PortalData.KitaWard}");
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\"[^>]*href=\"/councils/feeds/ward/{PortalData.KitaWard}.atom\"", head);
        Assert.Contains($"href=\"/councils/map?ward={PortalData.KitaWard}\"", html);
    }

    [Fact]
    public async Task Feed_title_follows_the_chosen_language()
    {
        using var client = Host.CreateClient();
        var feed = await client.AtomAsync($"/councils/feeds/ward/{PortalData.KitaWard}.atom?culture=en");
        Assert.Equal("District activity council updates in Kita", feed.Root!.Element(Atom + "title")!.Value);
    }
}
