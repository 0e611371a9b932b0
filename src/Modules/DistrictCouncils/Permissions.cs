using Portal.Core.Security;

namespace Portal.Modules.DistrictCouncils;

public static class CouncilPermissions
{
    public static readonly Permission ManageCouncilProfiles =
        new("ManageCouncilProfiles", "Create and edit the profiles of councils your organisation manages");

    public static readonly Permission PostCouncilUpdates =
        new("PostCouncilUpdates", "Write, publish and withdraw your organisation's updates on councils in its ward");
}
