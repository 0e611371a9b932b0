namespace Portal.Core.Security;

/// <summary>A named right. Roles hold permissions (as role claims); a module declares the ones it checks.</summary>
public sealed record Permission(string Name, string Description)
{
    public const string ClaimType = "portal:permission";
    public const string PolicyPrefix = "perm:";

    /// <summary>The authorisation policy name for [Authorize(Policy = ...)].</summary>
    public string Policy => PolicyPrefix + Name;
}

public static class PortalRoles
{
    public const string Administrator = "Administrator";
    public const string WardStaff = "WardStaff";
    public const string CommunityAssociationStaff = "CommunityAssociationStaff";
    public const string SocialWelfareCouncilStaff = "SocialWelfareCouncilStaff";

    public static readonly IReadOnlyList<string> All = [Administrator, WardStaff, CommunityAssociationStaff, SocialWelfareCouncilStaff];
}
