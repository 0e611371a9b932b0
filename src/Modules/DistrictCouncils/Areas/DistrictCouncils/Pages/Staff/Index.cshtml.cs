using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

[RequirePermission(CouncilPermission.PostCouncilUpdates)]
public class IndexModel(PortalDbContext db, OrganisationLookup organisations) : PageModel
{
    public const int ListLimit = 200;

    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<DistrictCouncil> Councils { get; private set; } = [];
    public IReadOnlyList<CouncilUpdate> OwnUpdates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisation = await organisations.OfUserAsync(User, ct);
        var councils = db.Set<DistrictCouncil>().AsNoTracking().Include(c => c.Ward).AsQueryable();
        var updates = db.Set<CouncilUpdate>().AsNoTracking().Include(u => u.Council).AsQueryable();
        if (!User.IsAdministrator())
        {
            // Councils of the organisation's ward (to post on) and those it manages (to edit), wherever they are.
            var orgId = Organisation?.Id ?? -1;
            var wardId = Organisation?.WardId ?? -1;
            councils = councils.Where(c => c.WardId == wardId || c.ManagingOrganisationId == orgId);
            updates = updates.Where(u => u.OrganisationId == orgId);
        }
        Councils = await councils.OrderBy(c => c.Ward!.SortOrder).ThenBy(c => c.Name).Take(ListLimit).ToListAsync(ct);
        OwnUpdates = await updates.OrderByDescending(u => u.ModifiedUtc).Take(ListLimit).ToListAsync(ct);
    }
}
