using System.Security.Claims;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Services;

/// <summary>Who may do what to support profiles and choices; every page asks here.</summary>
public static class SupportAccess
{
    public static bool CanEditProfile(this ClaimsPrincipal user, SupportProfile profile) =>
        user.CanManage(SupportPermission.ManageSupportProfile, profile.OrganisationId);

    /// <summary>Only intermediary support organisations have a profile.</summary>
    public static bool IsSupportOrganisation(this Organisation organisation) => organisation.Kind == OrganisationKind.IntermediarySupport;

    /// <summary>Residents see published profiles; the organisation's own staff may preview a draft.</summary>
    public static bool CanView(this ClaimsPrincipal user, SupportProfile profile) =>
        profile.IsPublished || user.CanEditProfile(profile);

    /// <summary>Ward-office staff see the choices of their own ward's councils; administrators see every ward.</summary>
    public static bool CanViewChoicesOf(this ClaimsPrincipal user, Ward ward, Organisation? userOrganisation) =>
        user.IsAdministrator()
        || (user.HasPermission(SupportPermission.ViewSupportChoices)
            && userOrganisation is { Kind: OrganisationKind.WardOffice }
            && userOrganisation.WardId == ward.Id);
}
