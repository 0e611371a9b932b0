using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Identity's UserManager, except that a role change also gives the user a new security stamp (Identity renews it for
/// a password change but not for roles), so cookies issued with the old roles end at their next validation.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store, IOptions<IdentityOptions> options, IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators, IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<PortalUser>> logger)
    : UserManager<PortalUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(PortalUser user, string role) =>
        await RenewStampAfterAsync(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(PortalUser user, IEnumerable<string> roles) =>
        await RenewStampAfterAsync(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(PortalUser user, string role) =>
        await RenewStampAfterAsync(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(PortalUser user, IEnumerable<string> roles) =>
        await RenewStampAfterAsync(user, await base.RemoveFromRolesAsync(user, roles));

    private async Task<IdentityResult> RenewStampAfterAsync(PortalUser user, IdentityResult roleChange) =>
        roleChange.Succeeded ? await UpdateSecurityStampAsync(user) : roleChange;
}
