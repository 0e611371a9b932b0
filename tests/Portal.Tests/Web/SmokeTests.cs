using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public class SmokeTests
{
    [Fact]
    public async Task Fresh_site_runs_the_default_recipe_and_serves_the_council_list()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/councils?ward=27127");

        Assert.Contains("菅北地域活動協議会", html);
        Assert.Contains("lang=\"ja\"", html);
    }

    [Fact]
    public async Task Staff_login_reaches_the_staff_page()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        await client.LoginAsync(TestUsers.KitaCommunity);
        var response = await client.GetAsync("/staff/councils");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
