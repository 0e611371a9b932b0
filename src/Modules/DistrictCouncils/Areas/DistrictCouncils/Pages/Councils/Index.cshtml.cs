using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Councils;

[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [DistrictCouncil.CacheTag])]
public class IndexModel(CouncilQueries queries, OrganisationLookup organisations) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public Dictionary<int, int> CountsByWard { get; private set; } = [];
    public Ward? SelectedWard { get; private set; }
    public CouncilFilter Filter { get; private set; } = new(null, Models.ActivityFields.None, 1);
    public Paged<CouncilSummary>? Result { get; private set; }

    /// <param name="p">Page number; "page" is taken by Razor Pages routing.</param>
    public async Task<IActionResult> OnGetAsync(string? ward, string? field, string? p, CancellationToken ct)
    {
        await queries.OpenConnectionAsync(ct);
        Wards = await organisations.WardsAsync(ct);
        CountsByWard = await queries.CountPublishedByWardAsync(ct);

        var errors = new Dictionary<string, string[]>();
        Filter = CouncilFilter.Parse(ward, field, p, errors);
        if (errors.Count > 0)
            return this.BadQuery(errors);
        if (Filter.WardCode is not null)
        {
            SelectedWard = Wards.FirstOrDefault(w => w.Code == Filter.WardCode);
            if (SelectedWard is null)
                return NotFound();
        }
        Result = await queries.ListPublishedAsync(Filter, SelectedWard, ct);
        return Page();
    }

    public string? PageUrl(int page) =>
        Url.Page("/Councils/Index", new { ward = Filter.WardCode, field = Filter.Field == Models.ActivityFields.None ? null : Filter.Field.ToString(), p = page });
}
