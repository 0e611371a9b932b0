using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Modules;

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
