using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Councils;

[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [DistrictCouncil.CacheTag, CouncilUpdate.CacheTag])]
public class UpdateModel(CouncilQueries queries) : PageModel
{
    public CouncilUpdate Update { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int councilId, int id, CancellationToken ct)
    {
        var update = await queries.FindUpdateAsync(councilId, id, ct);
        if (update is null || !User.CanView(update) || !User.CanView(update.Council!))
            return NotFound();
        Update = update;
        return Page();
    }
}
