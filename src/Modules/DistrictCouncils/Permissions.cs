using System.ComponentModel;

namespace Portal.Modules.DistrictCouncils;

public enum CouncilPermission
{
    [Description("Create and edit the profiles of councils your organisation manages")]
    ManageCouncilProfiles,

    [Description("Write, publish and withdraw your organisation's updates on councils in its ward")]
    PostCouncilUpdates,
}
