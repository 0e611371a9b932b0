using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

[RequirePermission(CouncilPermission.PostCouncilUpdates)]
public class HistoryModel(CouncilQueries queries) : PageModel
{
    public CouncilUpdate Update { get; private set; } = null!;
    public IReadOnlyList<CouncilUpdateRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.FindUpdateWithCouncilAsync(id, ct) is not { } update) return NotFound();
        if (!User.CanEditUpdate(update)) return Forbid();
        Update = update;
        Revisions = await queries.RevisionsAsync(id, ct);
        return Page();
    }
}
