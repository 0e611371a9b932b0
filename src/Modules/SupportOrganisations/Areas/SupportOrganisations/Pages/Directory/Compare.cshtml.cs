using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Directory;

public class CompareModel(SupportQueries queries, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<SupportProfile> Profiles { get; private set; } = [];

    /// <summary>Reads the raw ids so that "abc" gets a message, not a silently dropped value.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ids = CompareRequest.Parse(Request.Query["ids"].ToArray(), out var error);
        if (ids is null)
            return this.BadQuery("ids", T[error!]);
        var profiles = await queries.FindPublishedAsync(ids, ct);
        if (profiles is null)
            return NotFound();
        Profiles = profiles;
        return Page();
    }
}
