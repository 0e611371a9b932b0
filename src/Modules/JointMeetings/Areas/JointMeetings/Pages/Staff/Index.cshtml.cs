using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Pages.Staff;

[RequirePermission(MeetingPermission.ManageMeetings)]
public class IndexModel(PortalDbContext db, OrganisationLookup organisations) : PageModel
{
    public const int ListLimit = 200;

    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisation = await organisations.OfUserAsync(User, ct);
        var meetings = db.Set<Meeting>().AsNoTracking().Include(m => m.Ward).Include(m => m.Minutes).AsQueryable();
        if (!User.IsAdministrator())
        {
            var orgId = Organisation?.Id ?? -1;
            meetings = meetings.Where(m => m.OrganisingOrganisationId == orgId);
        }
        Meetings = await meetings.OrderByDescending(m => m.StartUtc).ThenByDescending(m => m.Id).Take(ListLimit).ToListAsync(ct);
    }
}
