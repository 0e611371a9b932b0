using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>Helpers shared by the map and feed tests: what the database says residents may see.</summary>
internal static class MapAndFeedData
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Ids of published councils that have both coordinates, optionally of one ward.</summary>
    public static Task<List<int>> MappableCouncilIdsAsync(this PortalTestHost host, string? wardCode = null) =>
        host.QueryAsync(db => db.Set<DistrictCouncil>()
            .Where(c => c.IsPublished && c.Latitude != null && c.Longitude != null && (wardCode == null || c.Ward!.Code == wardCode))
            .Select(c => c.Id).OrderBy(id => id).ToListAsync());

    /// <summary>Ids of the published updates of published councils, newest first, as the feeds should list them.</summary>
    public static Task<List<int>> FeedUpdateIdsAsync(this PortalTestHost host, string? wardCode = null) =>
        host.QueryAsync(db => db.Set<CouncilUpdate>()
            .Where(u => u.Status == UpdateStatus.Published && u.Council!.IsPublished && (wardCode == null || u.Council.Ward!.Code == wardCode))
            .OrderByDescending(u => u.PublishedUtc).ThenByDescending(u => u.Id)
            .Select(u => u.Id).ToListAsync());

    public static async Task<JsonElement> GeoJsonAsync(this PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
        return document.RootElement.Clone();
    }

    public static List<int> FeatureIds(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("id").GetInt32()).OrderBy(id => id).ToList();

    public static async Task<XDocument> AtomAsync(this PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Atom + "feed", document.Root!.Name);
        return document;
    }

    /// <summary>The update id at the end of an entry's alternate link (…/councils/{c}/updates/{id}).</summary>
    public static int UpdateIdOf(XElement entry) =>
        int.Parse(Regex.Match(AlternateHref(entry), "/updates/(\\d+)$").Groups[1].Value);

    public static string AlternateHref(XElement entry) =>
        entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value;
}
