using Microsoft.AspNetCore.Authorization;

namespace Portal.Core.Security;

/// <summary>
/// [RequirePermission(CouncilPermission.PostCouncilUpdates)]: only signed-in users holding the permission (or administrators).
/// The parameter is an object because attributes cannot take a bare Enum; anything but a declared enum member is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(object permission)
    {
        Permission = permission as Enum
            ?? throw new ArgumentException($"A permission is an enum member, not {permission?.GetType().Name ?? "null"}.", nameof(permission));
        Policy = Security.Permission.PolicyPrefix + Security.Permission.NameOf(Permission);
    }

    public Enum Permission { get; }
}
