using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Staff;

/// <summary>
/// The routing table of one ward (?ward=27127) or, for administrators without a ward, the city-wide defaults; and the
/// departments the table can name. Ward staff see and change only their own ward's table.
/// </summary>
[RequirePermission(VoicePermission.ManageVoiceRouting)]
public class RoutingModel(PortalDbContext db, VoiceQueries queries, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    public const int DepartmentNameLength = 100;

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
        {
            ModelState.AddModelError("", T["振り分け表の内容を読み取れませんでした。表を開き直してから、もう一度保存してください。"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var chosen = new Dictionary<int, int?>();
        foreach (var category in Categories)
        {
            var value = rules.GetValueOrDefault(category.Id);
            if (string.IsNullOrEmpty(value))
                chosen[category.Id] = null;
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Departments.Any(d => d.Id == id))
                chosen[category.Id] = id;
            else
                ModelState.AddModelError($"Rules[{category.Id}]", T["「{0}」の担当課を一覧から選んでください。", T[category.Name]]);
        }
        if (!ModelState.IsValid)
            return Page();

        var wardId = Ward?.Id;
        var existing = await db.Set<VoiceRoutingRule>().Where(r => r.WardId == wardId).ToListAsync(ct);
        foreach (var (categoryId, departmentId) in chosen)
        {
            var rule = existing.FirstOrDefault(r => r.CategoryId == categoryId);
            if (departmentId is null)
            {
                if (rule is not null) db.Remove(rule);
            }
            else if (rule is null)
                db.Add(new VoiceRoutingRule { CategoryId = categoryId, WardId = wardId, DepartmentId = departmentId.Value });
            else
                rule.DepartmentId = departmentId.Value;
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = T["振り分け表を保存しました。新しく記録される地域の声と、分類が変わった地域の声に使われます。"].Value;
        return RedirectToPage("/Staff/Routing", new { ward = Ward?.Code });
    }

    public async Task<IActionResult> OnPostDepartmentAsync(string? ward, [FromForm(Name = "NewDepartmentName")] string? newDepartmentName, CancellationToken ct)
    {
        var denied = await LoadAsync(ward, ct);
        if (denied is not null) return denied;

        NewDepartmentName = newDepartmentName;
        var name = newDepartmentName?.Trim() ?? "";
        if (name.Length == 0)
            ModelState.AddModelError(nameof(NewDepartmentName), T["担当課の名前を入力してください。"]);
        else if (name.Length > DepartmentNameLength)
            ModelState.AddModelError(nameof(NewDepartmentName), T["担当課の名前は{0}文字以内で入力してください。", DepartmentNameLength]);
        else if (Departments.Any(d => d.Name == name && d.WardId == Ward?.Id))
            ModelState.AddModelError(nameof(NewDepartmentName), T["「{0}」はすでに登録されています。", name]);
        if (!ModelState.IsValid)
            return Page();

        var department = new VoiceDepartment { Name = name, WardId = Ward?.Id, SortOrder = Departments.Count + 1 };
        // The same name added at the same moment (a double click): the unique index kept one.
        if (!await db.AddUnlessTakenAsync(department, () => db.Set<VoiceDepartment>().AnyAsync(d => d.Name == name && d.WardId == department.WardId, ct), ct))
        {
            ModelState.AddModelError(nameof(NewDepartmentName), T["「{0}」はすでに登録されています。", name]);
            return Page();
        }
        TempData["Status"] = T["担当課「{0}」を追加しました。", name].Value;
        return RedirectToPage("/Staff/Routing", new { ward = Ward?.Code });
    }

    /// <summary>Resolves the table shown: the ward asked for, else the user's own ward, else (administrators) the city defaults.</summary>
    private async Task<IActionResult?> LoadAsync(string? wardCode, CancellationToken ct)
    {
        var organisation = await organisations.OfUserAsync(User, ct);
        Wards = await queries.WardsAsync(ct);
        if (!string.IsNullOrEmpty(wardCode))
        {
            Ward = Wards.FirstOrDefault(w => w.Code == wardCode);
            if (Ward is null) return NotFound();
        }
        else if (organisation?.WardId is { } ownWard)
            Ward = Wards.First(w => w.Id == ownWard);
        if (!User.CanManageRouting(Ward?.Id, organisation)) return Forbid();

        Categories = await queries.CategoriesAsync(ct);
        Departments = Ward is null
            ? await db.Set<VoiceDepartment>().AsNoTracking().Where(d => d.WardId == null).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct)
            : await queries.DepartmentsForWardAsync(Ward.Id, ct);
        var rules = await db.Set<VoiceRoutingRule>().AsNoTracking().Include(r => r.Department)
            .Where(r => r.WardId == null || (Ward != null && r.WardId == Ward.Id)).ToListAsync(ct);
        CityRules = rules.Where(r => r.WardId == null).ToDictionary(r => r.CategoryId, r => r.Department!);
        WardRules = rules.Where(r => r.WardId != null).ToDictionary(r => r.CategoryId, r => r.DepartmentId);
        return null;
    }
}
