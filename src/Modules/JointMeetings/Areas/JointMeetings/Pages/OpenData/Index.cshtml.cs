using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Modules.JointMeetings.Pages.OpenData;

/// <summary>The open-data catalogue: which datasets exist, where to download them and under which licence.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Wards = await db.Wards.AsNoTracking().OrderBy(w => w.SortOrder).ThenBy(w => w.Code).ToListAsync(ct);
}
