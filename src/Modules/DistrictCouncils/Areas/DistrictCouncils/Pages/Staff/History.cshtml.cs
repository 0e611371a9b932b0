using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

[RequirePermission(CouncilPermission.PostCouncilUpdates)]
public class HistoryModel(PortalDbContext db) : PageModel
{
    public CouncilUpdate Update { get; private set; } = null!;
    public IReadOnlyList<CouncilUpdateRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var update = await db.Set<CouncilUpdate>().AsNoTracking().Include(u => u.Council).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (update is null) return NotFound();
        if (!User.CanEditUpdate(update)) return Forbid();
        Update = update;
        Revisions = await db.Set<CouncilUpdateRevision>().AsNoTracking()
            .Where(r => r.UpdateId == id).OrderByDescending(r => r.Number).ToListAsync(ct);
        return Page();
    }
}
