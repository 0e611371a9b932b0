namespace Portal.Web.Infrastructure;

/// <summary>
/// Headers that tell browsers to run only the site's own scripts and styles, never to sniff content types, never to
/// frame the site and to send only the origin to other sites. Set on every response, pages, API and errors alike.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string DefaultTileHost = "https://tile.openstreetmap.org";

    private readonly string _policy = BuildPolicy(configuration["Portal:Map:TileUrl"]);

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

    /// <summary>The policy; map tiles are the only images from elsewhere, from the host of the configured tile URL.</summary>
    public static string BuildPolicy(string? tileUrl)
    {
        var tileHost = DefaultTileHost;
        // A template such as https://{s}.tiles.example.jp/{z}/{x}/{y}.png: only its scheme and host go into the policy,
        // a placeholder in the host becoming a CSP wildcard (https://*.tiles.example.jp).
        var match = System.Text.RegularExpressions.Regex.Match(tileUrl ?? "", @"^(https?)://([^/?#]+)");
        if (match.Success)
        {
            var host = System.Text.RegularExpressions.Regex.Replace(match.Groups[2].Value, @"\{[^}]*\}", "*");
            if (System.Text.RegularExpressions.Regex.IsMatch(host, @"^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$"))
                tileHost = $"{match.Groups[1].Value}://{host}";
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; " +
               $"img-src 'self' data: {tileHost}; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
               "form-action 'self'; object-src 'none'";
    }
}
