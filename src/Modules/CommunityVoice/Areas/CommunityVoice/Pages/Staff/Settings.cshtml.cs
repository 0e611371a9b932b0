using Microsoft.AspNetCore.Authorization;
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
/// The city-wide lists every ward shares: categories and statuses. Administrators add to them; rows are never deleted here
/// because items and history refer to them.
/// </summary>
[Authorize(Roles = PortalRoles.Administrator)]
public class SettingsModel(PortalDbContext db, VoiceQueries queries, IStringLocalizer<Strings> T) : PageModel
{
    public const int NameLength = 50;

    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];
    public IReadOnlyList<VoiceStatus> Statuses { get; private set; } = [];
    public string? NewCategoryName { get; private set; }
    public string? NewStatusName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCategoryAsync([FromForm(Name = "NewCategoryName")] string? name, CancellationToken ct)
    {
        await LoadAsync(ct);
        NewCategoryName = name;
        var trimmed = CheckName(name, nameof(NewCategoryName), Categories.Select(c => c.Name));
        if (trimmed is null)
            return Page();
        var category = new VoiceCategory { Name = trimmed, SortOrder = Categories.Count == 0 ? 1 : Categories.Max(c => c.SortOrder) + 1 };
        if (!await SaveNewAsync(category, nameof(NewCategoryName), trimmed, () => db.Set<VoiceCategory>().AnyAsync(c => c.Name == trimmed, ct), ct))
            return Page();
        TempData["Status"] = T["分類「{0}」を追加しました。", trimmed].Value;
        return RedirectToPage();
    }

    /// <param name="isClosed">The status ends the handling.</param>
    /// <param name="isPublicResponse">Reaching it publishes the response; only meaningful together with <paramref name="isClosed"/>.</param>
    public async Task<IActionResult> OnPostStatusAsync(
        [FromForm(Name = "NewStatusName")] string? name, [FromForm(Name = "IsClosed")] bool isClosed,
        [FromForm(Name = "IsPublicResponse")] bool isPublicResponse, CancellationToken ct)
    {
        await LoadAsync(ct);
        NewStatusName = name;
        var trimmed = CheckName(name, nameof(NewStatusName), Statuses.Select(s => s.Name));
        if (isPublicResponse && !isClosed)
            ModelState.AddModelError("IsPublicResponse", T["回答を公開する状況は、対応を終える状況にしてください。"]);
        if (trimmed is null || !ModelState.IsValid)
            return Page();
        var status = new VoiceStatus
        {
            Name = trimmed, IsClosed = isClosed, IsPublicResponse = isPublicResponse,
            SortOrder = Statuses.Count == 0 ? 1 : Statuses.Max(s => s.SortOrder) + 1,
        };
        if (!await SaveNewAsync(status, nameof(NewStatusName), trimmed, () => db.Set<VoiceStatus>().AnyAsync(s => s.Name == trimmed, ct), ct))
            return Page();
        TempData["Status"] = T["状況「{0}」を追加しました。", trimmed].Value;
        return RedirectToPage();
    }

    /// <summary>
    /// Adds the row; false (with the message) when the same name was added at the same moment (a double click) and the
    /// unique index kept the other one.
    /// </summary>
    private async Task<bool> SaveNewAsync(object row, string field, string name, Func<Task<bool>> nameTaken, CancellationToken ct)
    {
        if (await db.AddUnlessTakenAsync(row, nameTaken, ct))
            return true;
        ModelState.AddModelError(field, T["「{0}」はすでに登録されています。", name]);
        return false;
    }

    /// <summary>The trimmed name, or null after adding the reason it cannot be used.</summary>
    private string? CheckName(string? name, string field, IEnumerable<string> existing)
    {
        var trimmed = name?.Trim() ?? "";
        string? error =
            trimmed.Length == 0 ? T["名前を入力してください。"].Value
            : trimmed.Length > NameLength ? T["名前は{0}文字以内で入力してください。", NameLength].Value
            : existing.Contains(trimmed) ? T["「{0}」はすでに登録されています。", trimmed].Value
            : null;
        if (error is null)
            return trimmed;
        ModelState.AddModelError(field, error);
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await queries.CategoriesAsync(ct);
        Statuses = await queries.StatusesAsync(ct);
    }
}
