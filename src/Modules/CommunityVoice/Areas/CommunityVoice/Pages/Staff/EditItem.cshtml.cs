using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Forms;
using Portal.Core.Validation;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Staff;

public sealed class ItemInput
{
    [Display(Name = "件名")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string Summary { get; set; } = "";

    [Display(Name = "内容")]
    [StringLength(4000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Details { get; set; }

    /// <summary>Chosen by administrators only; staff record items for their own ward.</summary>
    [Display(Name = "区")]
    public string? WardCode { get; set; }

    [Display(Name = "地域")]
    [StringLength(100, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? AreaName { get; set; }

    /// <summary>Set on creation only; afterwards the ward office changes it (and so re-routes) on the handling form.</summary>
    [Display(Name = "分類")]
    public int? CategoryId { get; set; }

    [Display(Name = "出典")]
    [Required(ErrorMessage = "{0}を選んでください。")]
    [EnumDataType(typeof(VoiceSource), ErrorMessage = "{0}の値が正しくありません。")]
    public VoiceSource? Source { get; set; }

    [Display(Name = "出典の詳細")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? SourceReference { get; set; }

    [Display(Name = "受付日")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [SupportedDate]
    public DateOnly? RaisedOn { get; set; }

    [Display(Name = "回答期限")]
    [SupportedDate]
    public DateOnly? TargetResponseDate { get; set; }

    [Display(Name = "お名前")]
    [StringLength(100, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? RaiserName { get; set; }

    [Display(Name = "連絡先")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? RaiserContact { get; set; }

    /// <summary>Set on creation only, so a raiser can keep a sensitive item from residents from the start; afterwards the ward office decides.</summary>
    public bool IsPublic { get; set; } = true;

    public Guid Version { get; set; }
}

/// <summary>Records a new voice item, or corrects the recorded fields of one (see <see cref="VoiceAccess.CanEditDetails"/>).</summary>
[Authorize]
public class EditItemModel(
    PortalDbContext db, VoiceQueries queries, VoiceEditor editor, OrganisationLookup organisations, FormSubmissions submissions,
    IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public VoiceItem? Existing { get; private set; }
    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];
    public string? ConflictBy { get; private set; }
    public DateTime? ConflictAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (Existing is { } e)
        {
            Input = new ItemInput
            {
                Summary = e.Summary, Details = e.Details, WardCode = e.Ward!.Code, AreaName = e.AreaName, CategoryId = e.CategoryId,
                Source = e.Source, SourceReference = e.SourceReference, RaisedOn = e.RaisedOn, TargetResponseDate = e.TargetResponseDate,
                RaiserName = e.RaiserName, RaiserContact = e.RaiserContact, Version = e.Version,
            };
        }
        else
        {
            var today = queries.TodayInTokyo();
            Input = new ItemInput { RaisedOn = today, TargetResponseDate = today.AddDays(30), Source = VoiceSource.LiaisonStaff, WardCode = Organisation?.Ward?.Code };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;

        var wardId = Existing?.WardId ?? Organisation?.WardId;
        if (Existing is null && User.IsAdministrator())
        {
            wardId = Wards.FirstOrDefault(w => w.Code == Input.WardCode)?.Id;
            if (wardId is null)
                ModelState.AddModelError("Input.WardCode", T["区を選んでください。"]);
        }
        if (Existing is null && (Input.CategoryId is null || Categories.All(c => c.Id != Input.CategoryId)))
            ModelState.AddModelError("Input.CategoryId", T["分類を一覧から選んでください。"]);
        if (Input.TargetResponseDate is { } target && Input.RaisedOn is { } raised && target < raised)
            ModelState.AddModelError("Input.TargetResponseDate", T["回答期限は受付日以降の日付にしてください。"]);
        var key = Existing is null ? submissions.KeyOf(this) : null;
        if (!ModelState.IsValid)
            return Page();

        if (Existing is null)
        {
            var raisedBy = Organisation?.Id ?? await WardOfficeIdAsync(wardId!.Value, ct);
            if (raisedBy is null)
            {
                ModelState.AddModelError("", T["この区には区役所が登録されていません。"]);
                return Page();
            }
            // A new item: recorded once however often (or however simultaneously) this rendered form is sent.
            var submission = await submissions.SaveOnceAsync(this, "voice.create", key!.Value, async () =>
            {
                var item = new VoiceItem
                {
                    Summary = "", WardId = wardId!.Value, CategoryId = Input.CategoryId!.Value, RaisedByOrganisationId = raisedBy.Value, IsPublic = Input.IsPublic,
                };
                Apply(item);
                await editor.CreateAsync(item, User.Identity!.Name!, ct);
                return item.Id.ToString(CultureInfo.InvariantCulture);
            }, ct);
            if (!submission.IsSaved)
                return Page();
            TempData["Status"] = T["地域の声を記録しました。"].Value;
            return RedirectToPage("/Staff/Item", new { id = submission.Result });
        }

        Apply(Existing);
        if (await editor.SaveDetailsAsync(Existing, Input.Version, User.Identity!.Name!, ct) == SaveOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<VoiceItem>().AsNoTracking().FirstAsync(i => i.Id == Existing.Id, ct);
            ModelState.AddModelError("", T["この地域の声は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            ConflictBy = current.ModifiedBy;
            ConflictAt = current.ModifiedUtc;
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Status"] = T["地域の声を保存しました。"].Value;
        return RedirectToPage("/Staff/Item", new { id = Existing.Id });
    }

    private void Apply(VoiceItem item)
    {
        item.Summary = Input.Summary.Trim();
        item.Details = Input.Details?.Trim() ?? "";
        item.AreaName = Input.AreaName?.Trim() ?? "";
        item.Source = Input.Source!.Value;
        item.SourceReference = Input.SourceReference?.Trim() ?? "";
        item.RaisedOn = Input.RaisedOn!.Value;
        item.TargetResponseDate = Input.TargetResponseDate;
        item.RaiserName = Input.RaiserName?.Trim() ?? "";
        item.RaiserContact = Input.RaiserContact?.Trim() ?? "";
    }

    /// <summary>Administrators without an organisation record items on behalf of the ward's office.</summary>
    private Task<int?> WardOfficeIdAsync(int wardId, CancellationToken ct) =>
        db.Organisations.Where(o => o.WardId == wardId && o.Kind == OrganisationKind.WardOffice).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);

    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        Organisation = await organisations.OfUserAsync(User, ct);
        Wards = await queries.WardsAsync(ct);
        Categories = await queries.CategoriesAsync(ct);
        if (id is null)
            return User.CanRaise(Organisation) ? null : Forbid();

        Existing = await db.Set<VoiceItem>().Include(i => i.Ward).Include(i => i.History).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (Existing is null) return NotFound();
        return User.CanEditDetails(Existing, Organisation) ? null : Forbid();
    }
}
