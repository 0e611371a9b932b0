using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Checks a signed-in user's cookie against the database at most every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
/// (by the DI <see cref="TimeProvider"/>): a changed security stamp (sign-out, password or role change) ends the session,
/// and so does a lockout end in the future, which is how an account is disabled (PortalUser has no flag of its own).
/// </summary>
public sealed class PortalSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<PortalUser>(options, signInManager, logger)
{
    protected override async Task<PortalUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && IsDisabled(user) ? null : user;
    }

    // Identity's own IsLockedOutAsync reads the system clock; this reads the validator's (the DI TimeProvider).
    private bool IsDisabled(PortalUser user) => user.LockoutEnabled && user.LockoutEnd > TimeProvider.GetUtcNow();
}
