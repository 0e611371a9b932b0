using System.ComponentModel.DataAnnotations;
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

public sealed class HandlingInput
{
    [Display(Name = "分類")]
    [Required(ErrorMessage = "{0}を選んでください。")]
    public int? CategoryId { get; set; }

    [Display(Name = "状況")]
    [Required(ErrorMessage = "{0}を選んでください。")]
    public int? StatusId { get; set; }

    [Display(Name = "メモ")]
    [StringLength(1000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Note { get; set; }

    [Display(Name = "回答")]
    [StringLength(4000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Response { get; set; }

    public bool IsPublic { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The staff view of an item (details, raiser, notes) and, for the ward office, the handling form.</summary>
[Authorize]
public class ItemModel(
    PortalDbContext db, VoiceQueries queries, VoiceEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public HandlingInput Input { get; set; } = new();

    public VoiceItem Item { get; private set; } = null!;
    public bool CanHandle { get; private set; }
    public bool CanEditDetails { get; private set; }
    public bool IsOverdue { get; private set; }
    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];
    public IReadOnlyList<VoiceStatus> Statuses { get; private set; } = [];
    public string? ConflictBy { get; private set; }
    public DateTime? ConflictAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = new HandlingInput
        {
            CategoryId = Item.CategoryId, StatusId = Item.StatusId, Response = Item.Response, IsPublic = Item.IsPublic, Version = Item.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (!CanHandle) return Forbid();

        var category = Categories.FirstOrDefault(c => c.Id == Input.CategoryId);
        var status = Statuses.FirstOrDefault(s => s.Id == Input.StatusId);
        if (Input.CategoryId is not null && category is null)
            ModelState.AddModelError("Input.CategoryId", T["分類を一覧から選んでください。"]);
        if (Input.StatusId is not null && status is null)
            ModelState.AddModelError("Input.StatusId", T["状況を一覧から選んでください。"]);
        if (status is { IsClosed: true, IsPublicResponse: true } && string.IsNullOrWhiteSpace(Input.Response))
            ModelState.AddModelError("Input.Response", T["「{0}」にするには、公開する回答を入力してください。", T[status.Name]]);
        if (!ModelState.IsValid)
            return Page();

        // Handling works on the tracked row; the page's no-tracking copy is only for display.
        var tracked = await db.Set<VoiceItem>()
            .Include(i => i.Category).Include(i => i.Department).Include(i => i.Status).Include(i => i.History)
            .FirstAsync(i => i.Id == id, ct);
        var change = new HandlingChange(
            (await db.Set<VoiceCategory>().FindAsync([category!.Id], ct))!,
            (await db.Set<VoiceStatus>().FindAsync([status!.Id], ct))!,
            Input.Note ?? "", Input.Response ?? "", Input.IsPublic);
        if (await editor.HandleAsync(tracked, Input.Version, change, User.Identity!.Name!, ct) == SaveOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<VoiceItem>().AsNoTracking().FirstAsync(i => i.Id == id, ct);
            ModelState.AddModelError("", T["この地域の声は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            ConflictBy = current.ModifiedBy;
            ConflictAt = current.ModifiedUtc;
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Status"] = T["対応内容を保存しました。"].Value;
        return RedirectToPage("/Staff/Item", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        if (item is null) return NotFound();
        var organisation = await organisations.OfUserAsync(User, ct);
        if (!User.CanViewInternal(item, organisation)) return Forbid();
        Item = item;
        CanHandle = User.CanHandle(item, organisation);
        CanEditDetails = User.CanEditDetails(item, organisation);
        IsOverdue = item.IsOverdue(queries.TodayInTokyo());
        Categories = await queries.CategoriesAsync(ct);
        Statuses = await queries.StatusesAsync(ct);
        return null;
    }
}
