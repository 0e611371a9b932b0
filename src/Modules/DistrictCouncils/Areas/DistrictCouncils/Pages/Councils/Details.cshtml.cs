using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Councils;

[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [DistrictCouncil.CacheTag, CouncilUpdate.CacheTag])]
public class DetailsModel(CouncilQueries queries, OrganisationLookup organisations) : PageModel
{
    public CouncilProfile Council { get; private set; } = null!;
    public IReadOnlyList<UpdateHeadline> Updates { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanPost { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await queries.OpenConnectionAsync(ct);
        var council = await queries.FindProfileAsync(id, ct);
        if (council is null || !User.CanView(council))
            return NotFound();

        Council = council;
        Updates = await queries.LatestHeadlinesAsync(id, 10, ct);
        CanEdit = User.CanEditProfile(council);
        CanPost = User.CanPostUpdateTo(council, await organisations.OfUserAsync(User, ct));
        return Page();
    }
}
