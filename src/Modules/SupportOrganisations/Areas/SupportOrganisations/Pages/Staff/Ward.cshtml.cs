using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Staff;

/// <summary>
/// The choices of one ward's councils for one fiscal year. Ward-office staff see their own ward (the default) and get
/// 403 for any other; administrators pick any ward.
/// </summary>
[RequirePermission(SupportPermission.ViewSupportChoices)]
public class WardModel(SupportQueries queries, OrganisationLookup organisations, TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public Ward? Ward { get; private set; }
    public int FiscalYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<CouncilChoiceRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? ward, string? year, CancellationToken ct)
    {
        Wards = await organisations.WardsAsync(ct);
        Years = Models.FiscalYear.Recordable(clock);
        FiscalYear = Models.FiscalYear.Current(clock);
        if (!string.IsNullOrEmpty(year) && (!int.TryParse(year, out var parsedYear) || parsedYear is < 2000 or > 2100))
            return this.BadQuery("year", T["年度は2026のような西暦の数字で指定してください。"]);
        if (!string.IsNullOrEmpty(year))
            FiscalYear = int.Parse(year);

        var own = await organisations.OfUserAsync(User, ct);
        var code = string.IsNullOrEmpty(ward) ? own?.Ward?.Code : ward;
        if (code is null)
            return Page(); // an administrator without a ward: show the ward picker only

        Ward = Wards.FirstOrDefault(w => w.Code == code);
        if (Ward is null)
            return NotFound();
        if (!User.CanViewChoicesOf(Ward, own))
            return Forbid();

        Rows = await queries.WardChoicesAsync(Ward.Id, FiscalYear, ct);
        return Page();
    }
}
