using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.Hardening;

/// <summary>
/// The Host header is the client's to write. The site answers only to its own hosts (400 with the security headers
/// otherwise), never fails on a malformed one, and builds every absolute link from Portal:PublicBaseUrl.
/// </summary>
public partial class HostHeaderTests
{
    private const string PublicBaseUrl = "https://portal.example.jp/";

    /// <summary>Host headers Kestrel lets through to the site: a stranger, broken punycode, ports out of range, 300 characters.</summary>
    public static readonly string[] BadHosts =
    [
        "evil.example", "xn--a.example", "evil.example:99999", "evil.example:0", new string('a', 300),
        new string('a', 63) + "." + new string('b', 240) + ".example", "[::1]:99999", "xn--a.example:99999",
    ];

    private static async Task<string[]> UrlsAsync(PortalTestHost host) =>
    [
        "/", "/councils", "/search?q=" + Uri.EscapeDataString("防災"), "/api/search?q=" + Uri.EscapeDataString("防災"), "/account/login",
        "/councils/feeds/updates.atom", "/councils/feeds/ward/27127.atom", "/opendata/meetings.csv", "/meetings/feeds/ward/27127.ics",
        $"/meetings/{(await FindAsync(host, PublicKitaMeeting)).Id}.ics",
    ];

    private static void AssertSecurityHeaders(RawResponse response, string description)
    {
        Assert.True(response.Header("Content-Security-Policy") is { Length: > 0 }, $"{description}: no Content-Security-Policy");
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("DENY", response.Header("X-Frame-Options"));
    }

    [Fact]
    public async Task A_request_for_another_host_gets_a_400_problem_with_the_security_headers_on_every_url()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = PublicBaseUrl });

        foreach (var url in await UrlsAsync(host))
        {
            foreach (var badHost in BadHosts)
            {
                var response = await RawHttp.GetAsync(host.BaseAddress, url, badHost);
                var description = $"GET {url} with Host: {badHost[..Math.Min(badHost.Length, 40)]}";
                Assert.True(response.Status == 400, $"{description} answered {response.Status}");
                AssertSecurityHeaders(response, description);
                Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
                Assert.Matches("Unknown host|Invalid host", response.Body);
            }
            // The site's own hosts: the public base URL's, and the one the tests reach it by (AllowedHosts).
            Assert.Equal(200, (await RawHttp.GetAsync(host.BaseAddress, url, "portal.example.jp")).Status);
            Assert.Equal(200, (await RawHttp.GetAsync(host.BaseAddress, url, host.BaseAddress.Authority)).Status);
        }
    }

    [Fact]
    public async Task Whatever_host_is_allowed_feeds_calendars_and_open_data_link_only_to_the_public_base_url()
    {
        // An operator who lets every host through (AllowedHosts=*) still gets no 5xx and no reflected host.
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:PublicBaseUrl"] = PublicBaseUrl,
            ["AllowedHosts"] = "*",
        });

        foreach (var url in await UrlsAsync(host))
        {
            foreach (var badHost in BadHosts.Append("127.0.0.1:99999"))
            {
                var response = await RawHttp.GetAsync(host.BaseAddress, url, badHost);
                var description = $"GET {url} with Host: {badHost[..Math.Min(badHost.Length, 40)]}";
                AssertSecurityHeaders(response, description);
                if (badHost.StartsWith("xn--a."))
                {
                    // Not a host name at all (broken punycode): refused, cleanly.
                    Assert.True(response.Status == 400, $"{description} answered {response.Status}");
                    Assert.Contains("Invalid host", response.Body);
                    continue;
                }
                Assert.True(response.Status == 200, $"{description} answered {response.Status}: {response.Body[..Math.Min(response.Body.Length, 300)]}");
                var hostName = badHost.StartsWith('[') ? badHost[..(badHost.IndexOf(']') + 1)] : badHost.Split(':')[0];
                Assert.DoesNotContain(hostName, response.Body, StringComparison.OrdinalIgnoreCase);
                if (url.Contains(".atom") || url.Contains(".ics") || url.Contains(".csv"))
                {
                    // The site's own links start with the public base URL (others are content: a meeting's online URL).
                    var links = AbsoluteUrl().Matches(response.Body).Select(m => m.Value).ToList();
                    Assert.Contains(links, link => link.StartsWith(PublicBaseUrl, StringComparison.Ordinal));
                    Assert.DoesNotContain(links, link => new Uri(link).Port is not (80 or 443));
                }
            }
        }
    }

    [Fact]
    public async Task In_production_the_public_base_urls_host_and_the_listed_hosts_are_served_and_no_other()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "http://portal.example.jp",
            // Drop the test default (127.0.0.1): only the portal's own rule applies.
            ["AllowedHosts"] = null,
        });
        Assert.Equal(200, (await RawHttp.GetAsync(host.BaseAddress, "/councils", "portal.example.jp")).Status);
        Assert.Equal(200, (await RawHttp.GetAsync(host.BaseAddress, "/councils", "PORTAL.example.jp:80")).Status);
        var refused = await RawHttp.GetAsync(host.BaseAddress, "/councils", host.BaseAddress.Authority);
        Assert.Equal(400, refused.Status);
        AssertSecurityHeaders(refused, "GET /councils with Host: 127.0.0.1");

        await using var listed = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "http://portal.example.jp",
            ["AllowedHosts"] = "intranet.example.jp;*.ward.example.jp",
        });
        Assert.Equal(200, (await RawHttp.GetAsync(listed.BaseAddress, "/councils", "portal.example.jp")).Status);
        Assert.Equal(200, (await RawHttp.GetAsync(listed.BaseAddress, "/councils", "intranet.example.jp")).Status);
        Assert.Equal(200, (await RawHttp.GetAsync(listed.BaseAddress, "/councils", "kita.ward.example.jp")).Status);
        Assert.Equal(400, (await RawHttp.GetAsync(listed.BaseAddress, "/councils", "evil.example")).Status);
    }

    [Fact]
    public async Task A_production_site_without_a_public_base_url_stops_the_start_with_the_reason()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
        }));
        Assert.Contains("Portal:PublicBaseUrl must be set in Production", error.Message);
    }

    [Fact]
    public async Task The_redirect_to_the_login_page_is_relative_whatever_the_host_says()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = PublicBaseUrl });

        // The site's own host name with a port out of range passes the host filter.
        var response = await RawHttp.GetAsync(host.BaseAddress, "/staff/councils", "127.0.0.1:99999");

        Assert.Equal(302, response.Status);
        Assert.Equal("/account/login?ReturnUrl=%2Fstaff%2Fcouncils", response.Header("Location"));
    }

    [Theory]
    [InlineData("portal.example.jp")]
    [InlineData("ftp://portal.example.jp/")]
    [InlineData("https://portal.example.jp/?x=1")]
    public async Task A_public_base_url_that_is_not_an_absolute_http_address_stops_the_start_with_the_reason(string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = value }));
        Assert.Contains("Portal:PublicBaseUrl", error.ToString());
    }

    [GeneratedRegex(@"https?://[^\s""<>,]+")]
    private static partial Regex AbsoluteUrl();
}
