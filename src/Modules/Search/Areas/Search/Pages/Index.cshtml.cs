using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.Search.Services;

namespace Portal.Modules.Search.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [PublicPageCache.SearchTag])]
public class IndexModel(SearchService search, OrganisationLookup organisations) : PageModel
{
    public string? Q { get; private set; }
    public string? Type { get; private set; }
    public string? Ward { get; private set; }
    public IReadOnlyDictionary<string, string> ContentTypes => search.ContentTypes;
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public SearchResults? Results { get; private set; }

    /// <param name="p">Page number; "page" is taken by Razor Pages routing.</param>
    public async Task<IActionResult> OnGetAsync(string? q, string? type, string? ward, string? p, CancellationToken ct)
    {
        (Q, Type, Ward) = (q, type, ward);
        Wards = await organisations.WardsAsync(ct);
        if (q is null && type is null && ward is null && p is null)
            return Page();

        var errors = new Dictionary<string, string[]>();
        var query = await search.ParseAsync(q, type, ward, p, errors, ct);
        if (query is null)
            return this.BadQuery(errors);
        Results = search.Search(query, User);
        return Page();
    }

    public string? PageUrl(int page) => Url.Page("/Index", new { q = Q, type = Type, ward = Ward, p = page });
}
