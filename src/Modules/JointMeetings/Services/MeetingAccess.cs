using System.Security.Claims;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>Who may see and change meetings; every page and endpoint asks here.</summary>
public static class MeetingAccess
{
    /// <summary>Only staff of the organising ward office (and administrators) change a meeting, its attendance and minutes.</summary>
    public static bool CanEdit(this ClaimsPrincipal user, Meeting meeting) =>
        user.CanManage(MeetingPermission.ManageMeetings, meeting.OrganisingOrganisationId);

    /// <summary>
    /// Who organises a meeting the user saves: staff their own ward office (and cannot move a meeting to another organiser),
    /// administrators the one they <paramref name="chosen"/>, else the <paramref name="current"/> one. 0: none.
    /// </summary>
    public static int OrganiserIdFor(this ClaimsPrincipal user, int? chosen, int? current) =>
        user.IsAdministrator() ? chosen ?? current ?? 0 : current ?? user.OrganisationIdOf() ?? 0;

    /// <summary>Public meetings are for everyone; private ones for staff of the participating organisations. Needs Participants loaded.</summary>
    public static bool CanView(this ClaimsPrincipal user, Meeting meeting) =>
        meeting.IsPublic || user.IsAdministrator() || user.Participates(meeting);

    public static bool Participates(this ClaimsPrincipal user, Meeting meeting) =>
        user.OrganisationIdOf() is { } organisationId
        && (meeting.OrganisingOrganisationId == organisationId || meeting.Participants.Any(p => p.OrganisationId == organisationId));

    /// <summary>Residents read published minutes only; draft minutes are for their editors.</summary>
    public static bool CanReadMinutes(this ClaimsPrincipal user, Meeting meeting) =>
        meeting.Minutes is { } minutes && (minutes.Status == MinutesStatus.Published || user.CanEdit(meeting));

    public static bool IsAdministratorOrParticipant(this ClaimsPrincipal user, Meeting meeting) =>
        user.IsAdministrator() || user.Participates(meeting);
}
