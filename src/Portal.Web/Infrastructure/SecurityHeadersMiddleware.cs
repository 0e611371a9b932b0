using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Portal.Core;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Headers that tell browsers to run only the site's own scripts and styles, never to sniff content types, never to
/// frame the site and to send only the origin to other sites. Set on every response, pages, API and errors alike.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<MapOptions> map)
{
    private readonly string _policy = BuildPolicy(map.Value.TileUrl);

    public Task InvokeAsync(HttpContext context)
    {
        // OnStarting: the headers must also be on responses written later by the exception and status code pages.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// The policy; map tiles are the only images from elsewhere, from the host of <paramref name="tileUrl"/> (of the default
    /// tile URL when it has none that can go in a policy).
    /// </summary>
    public static string BuildPolicy(string? tileUrl)
    {
        var tileHost = TileHost(tileUrl) ?? TileHost(MapOptions.DefaultTileUrl)!;
        return "default-src 'self'; script-src 'self'; style-src 'self'; " +
               $"img-src 'self' data: {tileHost}; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
               "form-action 'self'; object-src 'none'";
    }

    /// <summary>
    /// The scheme and host of a template such as https://{s}.tiles.example.jp/{z}/{x}/{y}.png, a placeholder in the host
    /// becoming a CSP wildcard (https://*.tiles.example.jp); null when it has none.
    /// </summary>
    private static string? TileHost(string? tileUrl)
    {
        var match = Regex.Match(tileUrl ?? "", @"^(https?)://([^/?#]+)");
        if (!match.Success)
            return null;
        var host = Regex.Replace(match.Groups[2].Value, @"\{[^}]*\}", "*");
        return Regex.IsMatch(host, @"^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$") ? $"{match.Groups[1].Value}://{host}" : null;
    }
}
