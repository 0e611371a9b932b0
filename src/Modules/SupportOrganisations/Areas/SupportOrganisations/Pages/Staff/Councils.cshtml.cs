using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Pages.Staff;

/// <summary>The councils whose profile the user may edit, with this year's choice: the way into recording one.</summary>
[RequirePermission(CouncilPermission.ManageCouncilProfiles)]
public class CouncilsModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public int FiscalYear { get; private set; }
    public IReadOnlyList<DistrictCouncil> Councils { get; private set; } = [];
    public Dictionary<int, SupportChoice> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        FiscalYear = Models.FiscalYear.Current(clock);
        var councils = db.Set<DistrictCouncil>().AsNoTracking().Include(c => c.Ward).AsQueryable();
        if (!User.IsAdministrator())
        {
            var orgId = User.OrganisationIdOf() ?? -1;
            councils = councils.Where(c => c.ManagingOrganisationId == orgId);
        }
        Councils = await councils.OrderBy(c => c.Ward!.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        var ids = Councils.Select(c => c.Id).ToList();
        Choices = await db.Set<SupportChoice>().AsNoTracking().Include(c => c.Profile).ThenInclude(p => p!.Organisation)
            .Where(c => c.FiscalYear == FiscalYear && ids.Contains(c.CouncilId))
            .ToDictionaryAsync(c => c.CouncilId, ct);
    }
}
