using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>One participant's attendance as the attendance form sends it; <see cref="MeetingEditor.RecordAttendanceAsync"/> checks the rest.</summary>
public sealed class AttendanceRow
{
    public int OrganisationId { get; set; }

    [Display(Name = "出席者数")]
    [InRange(0, 999)]
    public int? Count { get; set; }

    [Display(Name = "出席者")]
    [MaxChars(500)]
    public string? Names { get; set; }

    public static List<AttendanceRow> From(Meeting meeting) =>
        meeting.Participants.Select(p => new AttendanceRow { OrganisationId = p.OrganisationId, Count = p.AttendeeCount, Names = p.AttendeeNames }).ToList();
}
