using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Checks a signed-in user's cookie against the database at most every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
/// (by the DI <see cref="TimeProvider"/>): a changed security stamp (sign-out, password or role change) ends the session,
/// and so does a disabled account.
/// </summary>
public sealed class PortalSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<PortalUser>(options, signInManager, logger)
{
    protected override async Task<PortalUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && AccountStatus.IsDisabled(user) ? null : user;
    }
}

/// <summary>
/// PortalUser has no flag of its own: an account is disabled by a lockout without end (Identity's convention). The
/// 15-minute lockout after five wrong passwords is not a disabled account: it refuses new sign-ins but ends no open
/// session, or anyone who knows a user name could sign its owner out.
/// </summary>
public static class AccountStatus
{
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public static bool IsDisabled(PortalUser user) => user.LockoutEnabled && user.LockoutEnd == DisabledUntil;

    public static Task<IdentityResult> DisableAsync(UserManager<PortalUser> users, PortalUser user) =>
        users.SetLockoutEndDateAsync(user, DisabledUntil);
}
