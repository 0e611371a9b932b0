using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Modules.JointMeetings.Pages.OpenData;

/// <summary>The open-data catalogue: which datasets exist, where to download them and under which licence.</summary>
public class IndexModel(OrganisationLookup organisations) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Wards = (await organisations.WardsAsync(ct)).OrderBy(w => w.SortOrder).ThenBy(w => w.Code, StringComparer.Ordinal).ToList();
}
