using Microsoft.AspNetCore.Localization;

namespace Portal.Web.Infrastructure;

/// <summary>GET /culture?lang=en&amp;returnUrl=/councils remembers the visitor's language in a cookie.</summary>
public static class CultureEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (HttpContext context, string? lang, string? returnUrl) =>
        {
            var culture = PortalApp.SupportedCultures.FirstOrDefault(c =>
                string.Equals(c.Name, lang, StringComparison.OrdinalIgnoreCase) || string.Equals(c.TwoLetterISOLanguageName, lang, StringComparison.OrdinalIgnoreCase));
            if (culture is null)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported language", detail: "lang must be ja or en.");

            // Secure comes from the site's cookie policy (CookieSecurity), like every other cookie of the site. Max-Age,
            // not Expires: the browser counts the year from when it got the cookie, so no clock of the site's is involved.
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.Redirect(LocalRedirectTarget.For(returnUrl));
        });
}
