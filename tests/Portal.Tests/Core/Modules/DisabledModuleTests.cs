using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Modules;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class ModuleCatalogTests
{
    [Fact]
    public void Catalog_discovers_the_DistrictCouncils_module_next_to_the_host_with_its_two_permissions()
    {
        var catalog = ModuleCatalog.Discover(AppContext.BaseDirectory);

        var module = catalog.Find("DistrictCouncils");
        Assert.NotNull(module);
        Assert.Equal("Portal.Modules.DistrictCouncils", module.GetType().Assembly.GetName().Name);
        Assert.Equal("地域活動協議会", module.DisplayName);
        Assert.Equal(["ManageCouncilProfiles", "PostCouncilUpdates"], module.Permissions.Select(p => p.Name).Order());
        Assert.Equal(module.Permissions.Select(p => p.Name).Order(), catalog.AllPermissions.Where(p => module.Permissions.Contains(p)).Select(p => p.Name).Order());
        Assert.Null(catalog.Find("NoSuchModule"));
    }
}

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

/// <summary>The counterpart on the default site, so the absence above is not an accident of the markup.</summary>
public class EnabledModuleTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    [Fact]
    public async Task Default_site_links_to_the_councils_from_the_navigation_and_serves_them()
    {
        using var resident = site.Host.CreateClient();
        var home = await resident.GetStringAsync("/");
        Assert.Contains("<a href=\"/councils\">地域活動協議会</a>", home);
        Assert.DoesNotContain("href=\"/staff/councils\"", home);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/councils")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/api/councils")).StatusCode);

        using var staff = site.Host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWelfare);
        Assert.Contains("<a href=\"/staff/councils\">協議会の管理</a>", await staff.GetStringAsync("/"));
    }
}
