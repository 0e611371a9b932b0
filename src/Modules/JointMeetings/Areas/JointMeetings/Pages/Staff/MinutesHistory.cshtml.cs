using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

[RequirePermission(MeetingPermission.ManageMeetings)]
public class MinutesHistoryModel(PortalDbContext db) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<MinutesRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Minutes).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        if (!User.CanEdit(meeting)) return Forbid();
        Meeting = meeting;
        var minutesId = meeting.Minutes?.Id ?? -1;
        Revisions = await db.Set<MinutesRevision>().AsNoTracking()
            .Where(r => r.MinutesId == minutesId).OrderByDescending(r => r.Number).ToListAsync(ct);
        return Page();
    }
}
