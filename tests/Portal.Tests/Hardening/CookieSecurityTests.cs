using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>
/// Secure cookies follow the scheme the site is served over: over HTTPS (here, a TLS-ending proxy's
/// X-Forwarded-Proto: https) every cookie carries Secure; over plain HTTP the site still works, unless configured
/// with Secure-only cookies, which it then refuses at start.
/// </summary>
public class CookieSecurityTests
{
    [Fact]
    public async Task Plain_http_in_production_signs_in_with_the_default_cookie_policy()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "https://portal.example.jp/",
            ["Portal:RequireHttps"] = "false",
            // Drop the test default (SameAsRequest): the portal's own default applies.
            ["Portal:CookieSecurePolicy"] = null,
        });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        await client.LoginAsync(TestUsers.KitaWard);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/digests/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task Secure_only_cookies_over_plain_http_without_a_proxy_stop_the_start_with_the_reason()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "https://portal.example.jp/",
            ["Portal:RequireHttps"] = "false",
            ["Portal:CookieSecurePolicy"] = "Always",
        }));
        Assert.Contains("Portal:CookieSecurePolicy", error.Message);
        Assert.Contains("Portal:TrustedProxies", error.Message);
    }

    [Fact]
    public async Task Over_https_behind_the_trusted_proxy_every_cookie_is_secure()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "https://portal.example.jp/",
            ["Portal:RequireHttps"] = "true",
            ["https_port"] = "443",
            ["Portal:TrustedProxies"] = "127.0.0.1",
            ["Portal:CookieSecurePolicy"] = null,
        });
        // A browser on https:// sends Secure cookies back; a CookieContainer would not over the http:// socket.
        using var browser = new HttpsBrowser(host.BaseAddress);

        var culture = await browser.GetAsync("/culture?lang=en&returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        var login = await browser.GetAsync("/account/login");
        var signIn = await browser.PostAsync("/account/login", [
            new("Input.UserName", TestUsers.Admin), new("Input.Password", TestUsers.Password),
            new("__RequestVerificationToken", PortalClient.AntiforgeryToken(await login.Content.ReadAsStringAsync()))]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var searchAdmin = await browser.GetAsync("/admin/search");
        Assert.Equal(HttpStatusCode.OK, searchAdmin.StatusCode);
        var rebuild = await browser.PostAsync("/admin/search?handler=Rebuild",
            [new("__RequestVerificationToken", PortalClient.AntiforgeryToken(await searchAdmin.Content.ReadAsStringAsync()))]);
        Assert.Equal(HttpStatusCode.Redirect, rebuild.StatusCode);

        foreach (var name in new[] { ".AspNetCore.Culture", ".Portal.Antiforgery", ".Portal.Auth", ".AspNetCore.Mvc.CookieTempDataProvider" })
        {
            var set = Assert.Single(browser.SetCookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
            Assert.Matches(new Regex(";\\s*secure", RegexOptions.IgnoreCase), set);
        }
        Assert.All(browser.SetCookies, c => Assert.Matches(new Regex(";\\s*secure", RegexOptions.IgnoreCase), c));
    }

    /// <summary>A client that tells the site (as its proxy) every request came over HTTPS and keeps cookies by hand.</summary>
    private sealed class HttpsBrowser(Uri baseAddress) : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        private readonly Dictionary<string, string> _jar = new();

        /// <summary>Every Set-Cookie header the site sent (first one per cookie name).</summary>
        public List<string> SetCookies { get; } = [];

        public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        public Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (_jar.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
            var response = await _http.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var name = pair[..pair.IndexOf('=')];
                if (SetCookies.All(c => !c.StartsWith(name + "=", StringComparison.Ordinal)))
                    SetCookies.Add(header);
                _jar[name] = pair[(pair.IndexOf('=') + 1)..];
            }
            return response;
        }

        public void Dispose() => _http.Dispose();
    }
}
