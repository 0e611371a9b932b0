using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Staff;

/// <summary>
/// The routing table of one ward (?ward=27127) or, for administrators without a ward, the city-wide defaults; and the
/// departments the table can name. Ward staff see and change only their own ward's table.
/// </summary>
[RequirePermission(VoicePermission.ManageVoiceRouting)]
public class RoutingModel(VoiceQueries queries, VoiceSettingsEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    public Ward? Ward { get; private set; }
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];
    public IReadOnlyList<VoiceDepartment> Departments { get; private set; } = [];
    public Dictionary<int, int> WardRules { get; private set; } = [];
    public Dictionary<int, VoiceDepartment> CityRules { get; private set; } = [];

    /// <summary>The name typed in the "add a department" form, shown again when it is refused.</summary>
    public string? NewDepartmentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ward, CancellationToken ct) =>
        await LoadAsync(ward, ct) ?? Page();

    /// <param name="rules">Department id per category id (form fields Rules[categoryId]); empty (or absent) removes the row.</param>
    public async Task<IActionResult> OnPostAsync(string? ward, [FromForm(Name = "Rules")] Dictionary<int, string?>? rules, CancellationToken ct)
    {
        var denied = await LoadAsync(ward, ct);
        if (denied is not null) return denied;

        // A post without a single row (another content type, an empty body) is not "remove every row".
        if (rules is null || !Categories.Any(c => rules.ContainsKey(c.Id)))
            return this.BadQuery("", T["振り分け表の内容を読み取れませんでした。表を開き直してから、もう一度保存してください。"]);

        var result = await editor.SaveRoutingAsync(User, Ward?.Id, rules, ModelState.IsValid, ct);
        return this.Reply(result, _ => Saved(T["振り分け表を保存しました。新しく記録される地域の声と、分類が変わった地域の声に使われます。"]), prefix: "");
    }

    public async Task<IActionResult> OnPostDepartmentAsync(string? ward, [FromForm(Name = "NewDepartmentName")] string? newDepartmentName, CancellationToken ct)
    {
        var denied = await LoadAsync(ward, ct);
        if (denied is not null) return denied;

        NewDepartmentName = newDepartmentName;
        var result = await editor.AddDepartmentAsync(User, Ward?.Id, newDepartmentName, ModelState.IsValid, ct);
        return this.Reply(result, _ => Saved(T["担当課「{0}」を追加しました。", newDepartmentName!.Trim()]), prefix: "");
    }

    private RedirectToPageResult Saved(string status)
    {
        TempData["Status"] = status;
        return RedirectToPage("/Staff/Routing", new { ward = Ward?.Code });
    }

    /// <summary>Resolves the table shown: the ward asked for, else the user's own ward, else (administrators) the city defaults.</summary>
    private async Task<IActionResult?> LoadAsync(string? wardCode, CancellationToken ct)
    {
        var organisation = await organisations.OfUserAsync(User, ct);
        Wards = await organisations.WardsAsync(ct);
        if (!string.IsNullOrEmpty(wardCode))
        {
            Ward = Wards.FirstOrDefault(w => w.Code == wardCode);
            if (Ward is null) return NotFound();
        }
        else if (organisation?.WardId is { } ownWard)
            Ward = Wards.First(w => w.Id == ownWard);
        if (!User.CanManageRouting(Ward?.Id, organisation)) return Forbid();

        Categories = await queries.CategoriesAsync(ct);
        Departments = await queries.DepartmentsForTableAsync(Ward?.Id, ct);
        var rules = await queries.RoutingRulesAsync(Ward?.Id, ct);
        CityRules = rules.Where(r => r.WardId == null).ToDictionary(r => r.CategoryId, r => r.Department!);
        WardRules = rules.Where(r => r.WardId != null).ToDictionary(r => r.CategoryId, r => r.DepartmentId);
        return null;
    }
}
