using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

[RequirePermission(CouncilPermission.PostCouncilUpdates)]
public class IndexModel(CouncilQueries queries, OrganisationLookup organisations) : PageModel
{
    public const int ListLimit = 200;

    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<DistrictCouncil> Councils { get; private set; } = [];
    public IReadOnlyList<CouncilUpdate> OwnUpdates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisation = await organisations.OfUserAsync(User, ct);
        (Councils, OwnUpdates) = await queries.StaffOverviewAsync(Organisation, User.IsAdministrator(), ListLimit, ct);
    }
}
