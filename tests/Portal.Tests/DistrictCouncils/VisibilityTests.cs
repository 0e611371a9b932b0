using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>Unpublished councils and draft updates are hidden from residents (pages and API) and shown to those who manage them.</summary>
public class VisibilityTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    private PortalTestHost Host => site.Host;

    [Fact]
    public async Task Unpublished_council_is_404_for_residents_and_visible_to_its_managing_staff()
    {
        var council = await Host.UnpublishedCouncilAsync();
        var update = await Host.QueryAsync(db => db.Set<CouncilUpdate>().FirstAsync(u => u.CouncilId == council.Id && u.Status == UpdateStatus.Published));

        using var resident = Host.CreateClient();
        var page = await resident.GetAsync($"/councils/{council.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(council.Name, await page.BodyAsync());
        // Its own update is published, but the council is not: the update stays hidden too.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/councils/{council.Id}/updates/{update.Id}")).StatusCode);
        await (await resident.GetAsync($"/api/councils/{council.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(council.Name, await resident.GetStringAsync($"/api/councils?ward={PortalData.ChuoWard}"));
        var wardList = await resident.GetStringAsync($"/councils?ward={PortalData.ChuoWard}");
        Assert.Contains("中大江地域活動協議会", wardList);
        Assert.DoesNotContain(council.Name, wardList);

        foreach (var user in new[] { TestUsers.ChuoCommunity, TestUsers.Admin })
        {
            using var staff = Host.CreateClient();
            await staff.LoginAsync(user);
            var html = await staff.GetStringAsync($"/councils/{council.Id}");
            Assert.Contains(council.Name, html);
            Assert.Contains("非公開（下書き）", html);
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/councils/{council.Id}/updates/{update.Id}")).StatusCode);
            // The API is public and shows published content only, whoever asks.
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/councils/{council.Id}")).StatusCode);
        }

        // Staff who do not manage it (other ward, or no right to edit profiles) see what residents see.
        foreach (var user in new[] { TestUsers.KitaCommunity, TestUsers.ChuoWelfare })
        {
            using var staff = Host.CreateClient();
            await staff.LoginAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/councils/{council.Id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Draft_update_of_the_recipe_is_404_for_residents_and_visible_to_the_administrator()
    {
        var draft = await Host.QueryAsync(db => db.Set<CouncilUpdate>().Include(u => u.Council)
            .Where(u => u.Status == UpdateStatus.Draft && u.Council!.IsPublished).OrderBy(u => u.Id).FirstAsync());
        var url = $"/councils/{draft.CouncilId}/updates/{draft.Id}";

        using var resident = Host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(draft.Title, await resident.GetStringAsync($"/councils/{draft.CouncilId}"));
        Assert.DoesNotContain(draft.Title, await resident.GetStringAsync($"/api/councils/{draft.CouncilId}"));

        using var admin = Host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var html = await admin.GetStringAsync(url);
        Assert.Contains(draft.Title, html);
        Assert.Contains("下書き", html);
    }
}
