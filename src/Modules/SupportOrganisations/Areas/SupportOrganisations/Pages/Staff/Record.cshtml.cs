using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Staff;

/// <summary>Records (or changes) a council's choice for one fiscal year; staff who may edit the council's profile only.</summary>
[RequirePermission(CouncilPermission.ManageCouncilProfiles)]
public class RecordModel(CouncilQueries councils, SupportQueries queries, SupportEditor editor, TimeProvider clock, IStringLocalizer<Strings> T)
    : PageModel
{
    [BindProperty]
    public ChoiceInput Input { get; set; } = new();

    public DistrictCouncil Council { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<SupportProfile> Choosable { get; private set; } = [];
    public SupportChoice? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int councilId, int? year, CancellationToken ct)
    {
        if (await LoadAsync(councilId, ct) is { } denied) return denied;
        var fiscalYear = year ?? FiscalYear.Current(clock);
        if (!Years.Contains(fiscalYear))
            return NotFound();
        Existing = await queries.FindChoiceAsync(councilId, fiscalYear, ct);
        Input = ChoiceInput.From(fiscalYear, Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int councilId, CancellationToken ct)
    {
        if (await LoadAsync(councilId, ct) is { } denied) return denied;
        var result = await editor.RecordChoiceAsync(User, councilId, Input, ModelState.IsValid, ct);
        if (!result.IsSaved)
            Existing = await queries.FindChoiceAsync(councilId, Input.FiscalYear, ct);
        return this.Reply(result, _ =>
        {
            TempData["Status"] = T["{0}の{1}の選択を記録しました。", Council.Name, FiscalYear.Label(Input.FiscalYear)].Value;
            return RedirectToPage("/Staff/Councils");
        }, version => Input.Version = version);
    }

    private async Task<IActionResult?> LoadAsync(int councilId, CancellationToken ct)
    {
        if (await councils.FindAsync(councilId, ct) is not { } council) return NotFound();
        if (!User.CanEditProfile(council)) return Forbid();
        Council = council;
        Years = FiscalYear.Recordable(clock);
        Choosable = await queries.ChoosableForWardAsync(council.WardId, ct);
        return null;
    }
}
