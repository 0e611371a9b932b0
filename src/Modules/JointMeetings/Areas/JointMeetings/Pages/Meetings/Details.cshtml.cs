using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Meetings;

public class DetailsModel(MeetingQueries queries) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool ShowsInvitedPeople { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await queries.FindAsync(id, ct);
        if (meeting is null || !User.CanView(meeting))
            return NotFound();
        Meeting = meeting;
        CanEdit = User.CanEdit(meeting);
        // Names of invited people are for the partners, not for the public page.
        ShowsInvitedPeople = User.IsAdministratorOrParticipant(meeting);
        return Page();
    }
}
