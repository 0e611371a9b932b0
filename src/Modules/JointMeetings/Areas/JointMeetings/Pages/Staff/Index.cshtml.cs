using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

[RequirePermission(MeetingPermission.ManageMeetings)]
public class IndexModel(MeetingQueries queries, OrganisationLookup organisations) : PageModel
{
    public const int ListLimit = 200;

    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisation = await organisations.OfUserAsync(User, ct);
        Meetings = await queries.StaffListAsync(User.IsAdministrator() ? null : Organisation?.Id ?? -1, ListLimit, ct);
    }
}
