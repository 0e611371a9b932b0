namespace Portal.Web.Infrastructure;

/// <summary>
/// Whether the site's cookies (sign-in, antiforgery, TempData, language) carry Secure. Portal:CookieSecurePolicy
/// (Always, SameAsRequest, None); unset: Always when Portal:RequireHttps is on, SameAsRequest when it is off, so a
/// plain-HTTP site can still sign in and a site behind a TLS-ending proxy (Portal:TrustedProxies, whose
/// X-Forwarded-Proto sets the request's scheme) still gets Secure cookies for its HTTPS requests.
/// </summary>
public static class CookieSecurity
{
    public const string Setting = "Portal:CookieSecurePolicy";
    public const string RequireHttpsSetting = "Portal:RequireHttps";

    /// <summary>HTTPS redirection and HSTS: on outside Development unless Portal:RequireHttps says otherwise.</summary>
    public static bool RequireHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(RequireHttpsSetting, !environment.IsDevelopment());

    public static CookieSecurePolicy Policy(IConfiguration configuration, IHostEnvironment environment)
    {
        var requireHttps = RequireHttps(configuration, environment);
        var policy = configuration.GetValue<CookieSecurePolicy?>(Setting)
            ?? (requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        // Secure-only cookies over plain HTTP: the antiforgery cookie then fails every form (500) and the browser drops
        // the sign-in cookie. Only a TLS-ending proxy in front can make such a site work.
        if (policy == CookieSecurePolicy.Always && !requireHttps && TrustedProxies.Read(configuration).Count == 0)
        {
            throw new InvalidOperationException(
                $"{Setting}=Always needs HTTPS, but {RequireHttpsSetting} is false and no {TrustedProxies.Setting} are set: " +
                $"over plain HTTP no one could sign in. Turn {RequireHttpsSetting} on, list the TLS-ending proxy in {TrustedProxies.Setting}, " +
                $"or set {Setting}=SameAsRequest (or leave it unset).");
        }
        return policy;
    }
}
