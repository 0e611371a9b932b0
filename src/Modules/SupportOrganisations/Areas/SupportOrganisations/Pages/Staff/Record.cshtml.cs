using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Staff;

public sealed class ChoiceInput
{
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }

    [Display(Name = "選ぶ中間支援組織")]
    [Required(ErrorMessage = "{0}を選択してください。")]
    public int? ProfileId { get; set; }

    [Display(Name = "選んだ理由")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(SupportChoice.ReasonMaxLength, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Records (or changes) a council's choice for one fiscal year; staff who may edit the council's profile only.</summary>
[RequirePermission(CouncilPermission.ManageCouncilProfiles)]
public class RecordModel(PortalDbContext db, SupportQueries queries, SupportEditor editor, TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public ChoiceInput Input { get; set; } = new();

    public DistrictCouncil Council { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<SupportProfile> Choosable { get; private set; } = [];
    public SupportChoice? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int councilId, int? year, CancellationToken ct)
    {
        if (await LoadCouncilAsync(councilId, ct) is { } denied) return denied;
        Years = FiscalYear.Recordable(clock);
        Input.FiscalYear = year ?? FiscalYear.Current(clock);
        if (!Years.Contains(Input.FiscalYear))
            return NotFound();

        Existing = await queries.FindChoiceAsync(councilId, Input.FiscalYear, ct);
        if (Existing is not null)
        {
            Input.ProfileId = Existing.ProfileId;
            Input.Reason = Existing.Reason;
            Input.Version = Existing.Version;
        }
        Choosable = await queries.ChoosableForWardAsync(Council.WardId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int councilId, CancellationToken ct)
    {
        if (await LoadCouncilAsync(councilId, ct) is { } denied) return denied;
        Years = FiscalYear.Recordable(clock);
        Choosable = await queries.ChoosableForWardAsync(Council.WardId, ct);

        if (!Years.Contains(Input.FiscalYear))
            ModelState.AddModelError("Input.FiscalYear", T["年度を選択してください。"]);
        if (Input.ProfileId is { } profileId && Choosable.All(p => p.Id != profileId))
            ModelState.AddModelError("Input.ProfileId", T["この中間支援組織は{0}を対象にしていないため選べません。", Council.Ward!.Name]);

        if (!ModelState.IsValid)
        {
            Existing = await queries.FindChoiceAsync(councilId, Input.FiscalYear, ct);
            return Page();
        }

        var outcome = await editor.RecordChoiceAsync(
            councilId, Input.FiscalYear, Input.ProfileId!.Value, Input.Reason!, Input.Version, User.Identity!.Name!, ct);
        if (outcome == SaveOutcome.Conflict)
        {
            Existing = await queries.FindChoiceAsync(councilId, Input.FiscalYear, ct);
            ModelState.AddModelError("", T["この年度の選択は他の人が先に記録しました。最新の内容を確認してから、もう一度保存してください。"]);
            ModelState.Remove("Input.Version");
            Input.Version = Existing?.Version ?? Guid.Empty;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Status"] = T["{0}の{1}の選択を記録しました。", Council.Name, FiscalYear.Label(Input.FiscalYear)].Value;
        return RedirectToPage("/Staff/Councils");
    }

    private async Task<IActionResult?> LoadCouncilAsync(int councilId, CancellationToken ct)
    {
        var council = await db.Set<DistrictCouncil>().AsNoTracking().Include(c => c.Ward).FirstOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null) return NotFound();
        if (!User.CanEditProfile(council)) return Forbid();
        Council = council;
        return null;
    }
}
