using System.Security.Claims;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Services;

/// <summary>Who may do what to councils and updates; every page and endpoint asks here.</summary>
public static class CouncilAccess
{
    public static bool CanEditProfile(this ClaimsPrincipal user, ICouncilScope council) =>
        user.CanManage(CouncilPermission.ManageCouncilProfiles, council.ManagingOrganisationId);

    /// <summary>Staff post updates on councils in their own organisation's ward.</summary>
    public static bool CanPostUpdateTo(this ClaimsPrincipal user, ICouncilScope council, Organisation? userOrganisation) =>
        user.IsAdministrator()
        || (user.HasPermission(CouncilPermission.PostCouncilUpdates) && userOrganisation?.WardId == council.WardId);

    public static bool CanEditUpdate(this ClaimsPrincipal user, CouncilUpdate update) =>
        user.CanManage(CouncilPermission.PostCouncilUpdates, update.OrganisationId);

    /// <summary>Residents see published councils; staff who manage a draft may preview it.</summary>
    public static bool CanView(this ClaimsPrincipal user, ICouncilScope council) =>
        council.IsPublished || user.CanEditProfile(council);

    public static bool CanView(this ClaimsPrincipal user, CouncilUpdate update) =>
        update.Status == UpdateStatus.Published || user.CanEditUpdate(update);
}
