using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Directory;

public class DetailsModel(SupportQueries queries) : PageModel
{
    public SupportProfile Profile { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var profile = await queries.FindAsync(id, ct);
        if (profile is null || !User.CanView(profile))
            return NotFound();
        Profile = profile;
        CanEdit = User.CanEditProfile(profile);
        return Page();
    }
}
