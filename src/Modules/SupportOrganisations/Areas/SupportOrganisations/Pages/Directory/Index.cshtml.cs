using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Directory;

public class IndexModel(SupportQueries queries, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public SupportFilter Filter { get; private set; } = new(null, SupportServices.None);
    public IReadOnlyList<SupportProfile>? Profiles { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ward, string? service, CancellationToken ct)
    {
        Wards = await organisations.WardsAsync(ct);
        var errors = new Dictionary<string, string[]>();
        Filter = SupportFilter.Parse(ward, service, errors);
        if (errors.Count > 0)
            return this.BadQuery(errors, key => T[key]);
        if (Filter.WardCode is not null && Wards.All(w => w.Code != Filter.WardCode))
            return NotFound();
        Profiles = await queries.ListPublishedAsync(Filter, ct);
        return Page();
    }
}
