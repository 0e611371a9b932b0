using System.Globalization;
using System.Security.Claims;

namespace Portal.Core.Security;

public static class PortalClaims
{
    public const string OrganisationId = "portal:org";
    public const string DisplayName = "portal:name";

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(PortalRoles.Administrator);

    public static int? OrganisationIdOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(OrganisationId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool HasPermission(this ClaimsPrincipal user, Enum permission) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsAdministrator() || user.HasClaim(Permission.ClaimType, Permission.NameOf(permission)));

    /// <summary>
    /// The scoping rule of the portal: staff change only their own organisation's content; administrators change everything.
    /// </summary>
    public static bool CanManage(this ClaimsPrincipal user, Enum permission, int owningOrganisationId) =>
        user.IsAdministrator()
        || (user.HasPermission(permission) && user.OrganisationIdOf() == owningOrganisationId);
}
