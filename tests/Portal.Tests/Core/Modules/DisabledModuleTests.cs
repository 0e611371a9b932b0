using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Modules;

/// <summary>A module that is installed but not enabled by the site's recipe: its pages, API and links are gone.</summary>
public class DisabledModuleTests
{
    [Fact]
    public async Task Site_without_DistrictCouncils_answers_404_for_its_pages_and_api_and_shows_no_link()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:RecipesPath"] = PortalData.TestRecipesPath,
            ["Portal:SetupRecipe"] = "no-councils",
        });
        Assert.Empty(await host.QueryAsync(db => db.EnabledFeatures.ToListAsync()));

        using var resident = host.CreateClient();
        var home = await resident.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var homeHtml = await home.BodyAsync();
        Assert.Contains("区政協働ポータル", homeHtml);
        Assert.DoesNotContain("href=\"/councils\"", homeHtml);
        Assert.DoesNotContain(">地域活動協議会</a>", homeHtml);

        var page = await resident.GetAsync("/councils");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("ページが見つかりません", await page.BodyAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/councils/1")).StatusCode);
        await (await resident.GetAsync("/api/councils")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await resident.GetAsync("/api/councils/1")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Staff holding the module's permissions find nothing either.
        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        var staffHome = await staff.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/staff/councils\"", staffHome);
        Assert.DoesNotContain("href=\"/councils\"", staffHome);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/councils")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/councils/edit")).StatusCode);
    }
}
