using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>The security headers are on every kind of response, and the site's own pages break none of the policy.</summary>
public class SecurityHeadersTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    private const string ExpectedPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/councils?ward=27127", HttpStatusCode.OK)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/api/councils", HttpStatusCode.OK)]
    [InlineData("/api/search?q=防災", HttpStatusCode.OK)]
    [InlineData("/api/councils/999999", HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/error/500", HttpStatusCode.InternalServerError)]
    [InlineData("/assets/theme/css/site.css", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var client = site.Host.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ExpectedPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData(null, "https://tile.openstreetmap.org")]
    [InlineData("https://tiles.example.jp/{z}/{x}/{y}.png", "https://tiles.example.jp")]
    [InlineData("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png", "https://*.tile.example.org:8443")]
    [InlineData("not a url", "https://tile.openstreetmap.org")]
    [InlineData("https://evil.example; script-src *", "https://tile.openstreetmap.org")]
    public void Images_may_come_only_from_the_configured_tile_host(string? tileUrl, string expectedHost)
    {
        var policy = SecurityHeadersMiddleware.BuildPolicy(tileUrl);
        Assert.Contains($"img-src 'self' data: {expectedHost};", policy);
        Assert.Contains("script-src 'self';", policy);
    }
}
