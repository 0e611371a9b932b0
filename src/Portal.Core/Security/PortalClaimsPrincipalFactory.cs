using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Security;

/// <summary>Adds the organisation and display name to the cookie; role claims (permissions) come from the base factory.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<PortalRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisationId)
            identity.AddClaim(new Claim(PortalClaims.OrganisationId, organisationId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
