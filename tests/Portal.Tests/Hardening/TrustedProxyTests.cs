using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>Behind a proxy that ends TLS: its X-Forwarded-* headers are believed only when it is listed.</summary>
public class TrustedProxyTests
{
    private static HttpRequestMessage Get(string url, string? proto = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    [Fact]
    public async Task A_request_the_trusted_proxy_received_over_HTTPS_is_served_not_redirected()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:RequireHttps"] = "true",
            ["https_port"] = "443",
            ["Portal:TrustedProxies"] = "127.0.0.1",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var viaProxy = await http.SendAsync(Get("/councils", proto: "https"));
        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);

        using var plain = await http.SendAsync(Get("/councils", proto: "http"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https", plain.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unlisted_address_are_ignored()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:RequireHttps"] = "true",
            ["https_port"] = "443",
            ["Portal:TrustedProxies"] = "192.0.2.10, 192.0.2.11",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var spoofed = await http.SendAsync(Get("/councils", proto: "https"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, spoofed.StatusCode);
    }

    [Fact]
    public async Task Behind_the_proxy_the_login_limit_counts_each_client_not_the_proxy()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:TrustedProxies"] = "127.0.0.1",
            ["Portal:RateLimits:Login:PermitLimit"] = "2",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };

        async Task<HttpStatusCode> LoginFromAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent([new("Input.UserName", "nobody"), new("Input.Password", "wrong-password")]),
            };
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        // The antiforgery check answers 400 before the page; the limiter runs first and answers 429 over the limit.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.2"));
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start_with_the_reason()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:TrustedProxies"] = "load-balancer.internal",
        }));
        Assert.Contains("Portal:TrustedProxies", error.ToString());
    }
}
