using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web.Infrastructure;

public class LocalisationTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/councils")]
    [InlineData("/account/login")]
    public async Task Pages_are_Japanese_by_default(string url)
    {
        using var resident = site.Host.CreateClient();
        var html = await resident.GetStringAsync(url);
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains("lang=\"en\" hreflang=\"en\">English</a>", html);
    }

    /// <summary>
    /// The language is kept a year from when the browser got the cookie (Max-Age), not until a date taken from the
    /// site's clock: a browser whose calendar differs from the site's (or a test run years after its pinned date) keeps it.
    /// </summary>
    [Fact]
    public async Task The_language_cookie_keeps_for_a_year_from_when_it_arrives()
    {
        using var resident = site.Host.CreateClient();
        var choose = await resident.GetAsync("/culture?lang=en&returnUrl=/");
        var cookie = Assert.Single(choose.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Choosing_English_sets_a_cookie_redirects_back_and_pages_become_English()
    {
        using var resident = site.Host.CreateClient();
        var choose = await resident.GetAsync("/culture?lang=en&returnUrl=%2Fcouncils%3Fward%3D27127");
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/councils?ward=27127", choose.Headers.Location!.OriginalString);

        var html = await resident.GetStringAsync("/councils?ward=27127");
        Assert.Contains("<html lang=\"en\">", html);
        // Ward names come from the database in both languages.
        Assert.Contains("Kita", html);
        Assert.Contains("<html lang=\"en\">", await resident.GetStringAsync("/"));

        // And back.
        await resident.GetAsync("/culture?lang=ja&returnUrl=/");
        Assert.Contains("<html lang=\"ja\">", await resident.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("/culture?lang=fr&returnUrl=/")]
    [InlineData("/culture")]
    public async Task Unsupported_language_answers_400_and_sets_no_cookie(string url)
    {
        using var resident = site.Host.CreateClient();
        var response = await resident.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(resident.Cookies.GetCookies(site.Host.BaseAddress));
        Assert.Contains("<html lang=\"ja\">", await resident.GetStringAsync("/"));
    }

    [Fact]
    public async Task Culture_switch_never_redirects_to_another_site()
    {
        using var resident = site.Host.CreateClient();
        var response = await resident.GetAsync("/culture?lang=en&returnUrl=%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>Depends on the English resources (Resources/Strings.en.resx of the DistrictCouncils module).</summary>
    [Fact]
    public async Task English_resources_translate_the_council_list_heading()
    {
        using var resident = site.Host.CreateClient();
        await resident.GetAsync("/culture?lang=en&returnUrl=/");
        var html = await resident.GetStringAsync("/councils");
        Assert.Contains("District activity councils", html);
        Assert.DoesNotContain("<h1>地域活動協議会</h1>", html);
    }
}
