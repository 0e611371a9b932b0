using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Staff;

/// <summary>The councils whose profile the user may edit, with this year's choice: the way into recording one.</summary>
[RequirePermission(CouncilPermission.ManageCouncilProfiles)]
public class CouncilsModel(SupportQueries queries, TimeProvider clock) : PageModel
{
    public int FiscalYear { get; private set; }
    public IReadOnlyList<CouncilChoiceRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        FiscalYear = Models.FiscalYear.Current(clock);
        // Administrators edit every council; staff those their organisation manages (CouncilAccess.CanEditProfile).
        int? managedBy = User.IsAdministrator() ? null : User.OrganisationIdOf() ?? -1;
        Rows = await queries.ManagedChoicesAsync(managedBy, FiscalYear, ct);
    }
}
