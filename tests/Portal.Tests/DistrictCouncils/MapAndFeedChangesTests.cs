using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>Tests that change the demo data or the settings start their own site.</summary>
public class MapAndFeedChangesTests
{
    private static readonly XNamespace Atom = MapAndFeedData.Atom;

    [Fact]
    public async Task Drafts_unpublished_councils_and_councils_without_coordinates_stay_off_the_map_and_feeds()
    {
        await using var host = await PortalTestHost.StartAsync();
        var kitaIds = await host.MappableCouncilIdsAsync(PortalData.KitaWard);
        var kita = await host.KitaCouncilAsync();
        var others = kitaIds.Where(id => id != kita.Id).ToList();

        int draftId;
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var council = await db.Set<DistrictCouncil>().SingleAsync(c => c.Id == kita.Id);
            var draft = new CouncilUpdate
            {
                CouncilId = kita.Id, OrganisationId = council.ManagingOrganisationId, Title = "下書きの更新情報",
                Body = "<p>まだ公開しません</p>", Status = UpdateStatus.Draft, CreatedUtc = host.UtcNow, ModifiedUtc = host.UtcNow,
            };
            db.Add(draft);
            (await db.Set<DistrictCouncil>().SingleAsync(c => c.Id == others[0])).Latitude = null;
            (await db.Set<DistrictCouncil>().SingleAsync(c => c.Id == others[1])).IsPublished = false;
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }

        using var client = host.CreateClient();
        var geo = await client.GeoJsonAsync($"/api/councils/geojson?ward={PortalData.KitaWard}");
        Assert.Equal([kita.Id], MapAndFeedData.FeatureIds(geo));

        var map = await client.GetStringAsync($"/councils/map?ward={PortalData.KitaWard}");
        Assert.Contains(PortalData.KitaCouncilName, map);
        foreach (var id in others)
            Assert.DoesNotContain($"href=\"/councils/{id}\"", map);

        var feed = await client.AtomAsync($"/councils/feeds/ward/{PortalData.KitaWard}.atom");
        var ids = feed.Root!.Elements(Atom + "entry").Select(MapAndFeedData.UpdateIdOf).ToList();
        Assert.DoesNotContain(draftId, ids);
        Assert.DoesNotContain("下書きの更新情報", feed.ToString());
        var unpublishedUpdates = await host.QueryAsync(db => db.Set<CouncilUpdate>().Where(u => u.CouncilId == others[1]).Select(u => u.Id).ToListAsync());
        Assert.NotEmpty(unpublishedUpdates);
        Assert.Empty(ids.Intersect(unpublishedUpdates));
        Assert.Equal(await host.FeedUpdateIdsAsync(PortalData.KitaWard), ids);
    }

    [Fact]
    public async Task Tile_server_and_attribution_come_from_settings()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:Map:TileUrl"] = "https://tiles.example.jp/{z}/{x}/{y}.png",
            ["Portal:Map:Attribution"] = "© 市の地図",
        });
        using var client = host.CreateClient();
        var html = await client.GetStringAsync("/councils/map");
        Assert.Contains("data-tile-url=\"https://tiles.example.jp/{z}/{x}/{y}.png\"", html);
        Assert.Contains("data-attribution=\"© 市の地図\"", html);
        Assert.DoesNotContain("tile.openstreetmap.org", html);
    }
}
