using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Primitives;
using Portal.Core;

namespace Portal.Web.Infrastructure;

/// <summary>
/// The site's public address and the Host headers it answers to. Absolute links come from Portal:PublicBaseUrl
/// (<see cref="PublicBaseUrl"/>), never from the request. A request for another host is refused with a 400 problem
/// before it reaches a page. Allowed: the public base URL's host, plus AllowedHosts (ASP.NET Core's own setting:
/// host names separated by semicolons, "*.example.jp" for subdomains, "*" for any host), which is "*" in Development
/// when unset.
/// </summary>
public static class PublicAddress
{
    public const string AllowedHostsSetting = "AllowedHosts";

    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Read now: a malformed Portal:PublicBaseUrl stops the start with the reason instead of failing the first feed.
        // In Production it must be set: its default (localhost) would put localhost links in every mail and feed and
        // refuse every request for the real host name.
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(configuration[PublicBaseUrl.Setting]))
            throw new InvalidOperationException(
                $"{PublicBaseUrl.Setting} must be set in Production to the site's public address (e.g. https://portal.city.example.jp/): " +
                "mails, feeds and calendars link to it, and it is the host name the site answers to.");
        var site = PublicBaseUrl.From(configuration);
        services.AddSingleton(site);
        services.AddSingleton(new AllowedHosts(AllowedHostNames(configuration, site, environment)));
        // WebApplication's own host filter runs before the pipeline, where its 400 would lack the security headers:
        // it lets every host through and UseAllowedHosts decides instead, on the same setting.
        services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        return services;
    }

    public static IReadOnlyList<string> AllowedHostNames(IConfiguration configuration, PublicBaseUrl site, IHostEnvironment environment)
    {
        var extra = (configuration[AllowedHostsSetting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (extra.Length == 0 && environment.IsDevelopment())
            extra = ["*"];
        return extra.Prepend(site.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Answers 400 (problem details) to a request whose Host header names none of the allowed hosts, or that cannot be
    /// read as a host at all (xn--a.example is not valid punycode: HttpRequest.Host throws on it, in the output cache,
    /// the HTTPS redirection or wherever else it is read).
    /// </summary>
    public static void UseAllowedHosts(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<AllowedHosts>();
        app.Use(async (context, next) =>
        {
            var host = context.Request.Headers.Host.ToString();
            if (!IsReadable(context.Request))
                await Refuse(context, "Invalid host", "The Host header of the request is not a valid host name.");
            else if (host.Length == 0 || allowed.AnyHost || HostString.MatchesAny(new StringSegment(host), allowed.Patterns))
                await next(context);
            else
                await Refuse(context, "Unknown host", "This site does not answer to the host name the request was sent to.");
        });
    }

    private static bool IsReadable(HttpRequest request)
    {
        try
        {
            _ = request.Host;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Task Refuse(HttpContext context, string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail).ExecuteAsync(context);
}

/// <summary>The Host header values the site answers to (see <see cref="PublicAddress"/>).</summary>
public sealed class AllowedHosts(IReadOnlyList<string> names)
{
    public IReadOnlyList<string> Names { get; } = names;
    public bool AnyHost { get; } = names.Contains("*");
    public IList<StringSegment> Patterns { get; } = names.Select(n => new StringSegment(n)).ToList();
}
