using System.ComponentModel;
using System.Reflection;

namespace Portal.Core.Security;

/// <summary>
/// A named right. Roles hold permissions (as role claims); a module declares the ones it checks as an enum whose
/// members carry a [Description], and returns them from its Permissions with <see cref="AllOf{TPermission}"/>.
/// </summary>
public sealed record Permission(string Name, string Description)
{
    public const string ClaimType = "portal:permission";
    public const string PolicyPrefix = "perm:";

    public static Permission Of(Enum permission)
    {
        var name = NameOf(permission);
        var description = permission.GetType().GetField(name)!.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"Permission {permission.GetType().Name}.{name} has no [Description].");
        return new Permission(name, description);
    }

    public static IReadOnlyList<Permission> AllOf<TPermission>() where TPermission : struct, Enum =>
        [.. Enum.GetValues<TPermission>().Select(p => Of(p))];

    /// <summary>The permission's name as roles hold it: the enum member's name.</summary>
    public static string NameOf(Enum permission) =>
        Enum.IsDefined(permission.GetType(), permission)
            ? permission.ToString()
            : throw new ArgumentOutOfRangeException(nameof(permission), permission, "Not a declared permission.");
}

public static class PortalRoles
{
    public const string Administrator = "Administrator";
    public const string WardStaff = "WardStaff";
    public const string CommunityAssociationStaff = "CommunityAssociationStaff";
    public const string SocialWelfareCouncilStaff = "SocialWelfareCouncilStaff";

    public static readonly IReadOnlyList<string> All = [Administrator, WardStaff, CommunityAssociationStaff, SocialWelfareCouncilStaff];
}
