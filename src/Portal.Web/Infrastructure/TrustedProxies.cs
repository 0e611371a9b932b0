using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Behind a load balancer or reverse proxy that ends TLS: Portal:TrustedProxies lists the proxies' addresses, whose
/// X-Forwarded-For and X-Forwarded-Proto are then believed. The client's address then keys the rate limits (not the
/// proxy's), and a request the proxy received over HTTPS is not redirected to HTTPS again. Unset: no header is believed.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Portal:TrustedProxies";

    public static IReadOnlyList<IPAddress> Read(IConfiguration configuration)
    {
        // A list (Portal:TrustedProxies:0, :1, …) or one comma-separated value (an environment variable).
        var section = configuration.GetSection(Setting);
        var values = section.Value is { } single ? [single] : section.Get<string[]>() ?? [];
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => IPAddress.TryParse(v, out var address)
                ? address
                : throw new InvalidOperationException($"{Setting} holds '{v}', which is not an IP address."))
            .ToList();
    }

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Read(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
        });
        return services;
    }

    public static void UseTrustedProxies(this WebApplication app)
    {
        if (Read(app.Configuration).Count > 0)
            app.UseForwardedHeaders();
    }
}
