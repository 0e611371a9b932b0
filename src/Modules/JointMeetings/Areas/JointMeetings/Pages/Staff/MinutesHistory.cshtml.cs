using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

[RequirePermission(MeetingPermission.ManageMeetings)]
public class MinutesHistoryModel(MeetingQueries queries) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<MinutesRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await queries.FindWithMinutesAsync(id, ct);
        if (meeting is null) return NotFound();
        if (!User.CanEdit(meeting)) return Forbid();
        Meeting = meeting;
        Revisions = await queries.MinutesRevisionsAsync(meeting.Minutes?.Id ?? -1, ct);
        return Page();
    }
}
