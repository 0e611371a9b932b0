using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

[RequirePermission(MeetingPermission.ManageMeetings)]
public class AttendanceModel(MeetingQueries queries, MeetingEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public List<AttendanceRow> Rows { get; set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    public Meeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Version = Meeting.Version;
        Rows = AttendanceRow.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        var result = await editor.RecordAttendanceAsync(User, id, Rows, Version, ModelState.IsValid, ct);
        // A post that could not be read is shown again with the attendance on record.
        if (Rows.Count == 0)
            Rows = AttendanceRow.From(Meeting);
        return this.Reply(result, _ =>
        {
            TempData["Status"] = T["出席を記録しました。"].Value;
            return Redirect($"/meetings/{id}");
        });
    }

    public string NameOf(int organisationId) =>
        Meeting.Participants.FirstOrDefault(p => p.OrganisationId == organisationId)?.Organisation?.Name ?? "";

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await queries.FindWithParticipantsAsync(id, ct);
        if (meeting is null) return NotFound();
        if (!User.CanEdit(meeting)) return Forbid();
        Meeting = meeting;
        return null;
    }
}
