using System.Security.Claims;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>
/// Who may do what to voice items; every page asks here. <paramref name="userOrganisation"/> is the signed-in user's
/// organisation (see OrganisationLookup).
/// </summary>
public static class VoiceAccess
{
    /// <summary>Staff record items for their own organisation's ward; administrators for any ward.</summary>
    public static bool CanRaise(this ClaimsPrincipal user, Organisation? userOrganisation) =>
        user.IsAdministrator()
        || (user.HasPermission(VoicePermission.RaiseVoiceItems) && userOrganisation?.WardId is not null);

    /// <summary>Routing, status, response and visibility belong to the ward office of the item's ward (and administrators).</summary>
    public static bool CanHandle(this ClaimsPrincipal user, VoiceItem item, Organisation? userOrganisation) =>
        user.IsAdministrator()
        || (user.HasPermission(VoicePermission.HandleVoiceItems)
            && userOrganisation is { Kind: OrganisationKind.WardOffice }
            && userOrganisation.WardId == item.WardId);

    /// <summary>
    /// The raising organisation may correct what it recorded only until the ward office takes the item up. Routing a new
    /// item to a department is automatic on save, so "taken up" means the ward office has acted on it: any status change
    /// or re-routing in its history (which also covers closing). From then on only the ward office changes it.
    /// Needs <see cref="VoiceItem.History"/> loaded.
    /// </summary>
    public static bool CanEditDetails(this ClaimsPrincipal user, VoiceItem item, Organisation? userOrganisation) =>
        user.CanHandle(item, userOrganisation)
        || (user.CanManage(VoicePermission.RaiseVoiceItems, item.RaisedByOrganisationId) && !item.IsTakenUp);

    /// <summary>The staff view (details, personal data, notes): the handling ward office and the raising organisation.</summary>
    public static bool CanViewInternal(this ClaimsPrincipal user, VoiceItem item, Organisation? userOrganisation) =>
        user.CanHandle(item, userOrganisation)
        || user.CanManage(VoicePermission.RaiseVoiceItems, item.RaisedByOrganisationId);

    /// <summary>Ward staff maintain their own ward's table; the city-wide defaults (wardId null) only administrators.</summary>
    public static bool CanManageRouting(this ClaimsPrincipal user, int? wardId, Organisation? userOrganisation) =>
        user.IsAdministrator()
        || (wardId is not null
            && user.HasPermission(VoicePermission.ManageVoiceRouting)
            && userOrganisation is { Kind: OrganisationKind.WardOffice }
            && userOrganisation.WardId == wardId);
}
