using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>Errors reach users as the friendly page, never as a stack trace, and every 4xx/5xx is logged with properties.</summary>
public class ErrorHandlingTests
{
    [Fact]
    public async Task A_real_exception_renders_the_friendly_page_without_a_stack_trace_and_is_logged()
    {
        var logs = new CapturingLoggerProvider();
        // Secure-only antiforgery cookies over plain HTTP: the login form throws InvalidOperationException when rendered.
        // (The portal refuses Always over plain HTTP unless a TLS-ending proxy is listed; this one never forwards.)
        await using var host = await PortalTestHost.StartAsync(
            new Dictionary<string, string?> { ["Portal:CookieSecurePolicy"] = "Always", ["Portal:TrustedProxies"] = "192.0.2.10" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.CreateClient();

        var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("エラーが発生しました", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("   at ", html);
        Assert.DoesNotContain("antiforgery", html, StringComparison.OrdinalIgnoreCase);

        var entry = Assert.Single(logs.Entries, e => e.Category.EndsWith("ErrorResponseLoggingMiddleware") && Equals(e.Properties["Path"], "/account/login"));
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("GET", entry.Properties["Method"]);
        Assert.Equal(500, entry.Properties["StatusCode"]);
        Assert.IsType<double>(entry.Properties["ElapsedMs"]);
        Assert.Equal("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms for user {UserId}", entry.Properties["{OriginalFormat}"]);
    }

    [Fact]
    public async Task Client_errors_are_logged_with_the_signed_in_user_and_error_500_renders_the_page()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await PortalTestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.CreateClient();
        await client.LoginAsync(TestUsers.KitaWard);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).StatusCode);
        var error = await client.GetAsync("/error/500");
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("エラーが発生しました", await error.Content.ReadAsStringAsync());

        var entry = Assert.Single(logs.Entries, e => e.Category.EndsWith("ErrorResponseLoggingMiddleware") && Equals(e.Properties["Path"], "/no-such-page"));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(404, entry.Properties["StatusCode"]);
        Assert.False(string.IsNullOrEmpty(entry.Properties["UserId"] as string));
    }

    [Fact]
    public async Task With_RequireHttps_plain_http_is_redirected()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:RequireHttps"] = "true", ["https_port"] = "8443" });
        using var client = host.CreateClient();

        var response = await client.GetAsync("/councils");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://127.0.0.1:8443/councils", response.Headers.Location!.ToString());
    }
}
