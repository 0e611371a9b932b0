using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Services;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Staff;

public sealed class ProfileInput
{
    [Display(Name = "支援内容")]
    public List<SupportServices> Services { get; set; } = [];

    [Display(Name = "その他の支援")]
    [StringLength(1000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? ServicesNote { get; set; }

    [Display(Name = "対象の区")]
    public List<string> WardCodes { get; set; } = [];

    [Display(Name = "紹介")]
    [StringLength(4000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Description { get; set; }

    [Display(Name = "スタッフ")]
    [StringLength(2000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Staff { get; set; }

    [Display(Name = "支援実績")]
    [StringLength(4000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? TrackRecord { get; set; }

    [Display(Name = "連絡先の名称")]
    [StringLength(100, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? ContactName { get; set; }

    [Display(Name = "電話番号")]
    [StringLength(30, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    [RegularExpression(@"^[0-9\-+() ]*$", ErrorMessage = "{0}は半角数字とハイフンで入力してください。")]
    public string? ContactPhone { get; set; }

    [Display(Name = "メールアドレス")]
    [StringLength(254, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    [EmailAddress(ErrorMessage = "{0}の形式が正しくありません。")]
    public string? ContactEmail { get; set; }

    [Display(Name = "ウェブサイト")]
    [StringLength(300, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? WebsiteUrl { get; set; }

    [Display(Name = "公開する")]
    public bool IsPublished { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Without an id: the signed-in user's own organisation's profile (created on first save).</summary>
[RequirePermission(SupportPermission.ManageSupportProfile)]
public class EditProfileModel(PortalDbContext db, SupportEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public string? ConflictBy { get; private set; }
    public DateTime? ConflictAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var (profile, denied) = await ResolveAsync(id, ct);
        if (denied is not null) return denied;
        if (profile!.Id != 0)
            Input = ToInput(profile);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var (profile, denied) = await ResolveAsync(id, ct);
        if (denied is not null) return denied;

        if (Input.Services.Any(s => !FlagSet<SupportServices>.All.Contains(s)))
            ModelState.AddModelError("Input.Services", T["支援内容の値が正しくありません。"]);
        var website = Input.WebsiteUrl?.Trim() ?? "";
        if (website.Length > 0 && !WebsiteUrl.IsValid(website))
            ModelState.AddModelError("Input.WebsiteUrl", T["ウェブサイトは http:// または https:// で始まるアドレスを入力してください。"]);
        var codes = Input.WardCodes.Distinct().ToList();
        var wardIds = await db.Wards.Where(w => codes.Contains(w.Code)).Select(w => w.Id).ToListAsync(ct);
        if (codes.Count == 0)
            ModelState.AddModelError("Input.WardCodes", T["対象の区を1つ以上選択してください。"]);
        else if (wardIds.Count != codes.Count)
            ModelState.AddModelError("Input.WardCodes", T["対象の区の値が正しくありません。"]);

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        profile!.Services = FlagSet<SupportServices>.Combine(Input.Services);
        profile.ServicesNote = Input.ServicesNote?.Trim() ?? "";
        profile.Description = Input.Description?.Trim() ?? "";
        profile.Staff = Input.Staff?.Trim() ?? "";
        profile.TrackRecord = Input.TrackRecord?.Trim() ?? "";
        profile.ContactName = Input.ContactName?.Trim() ?? "";
        profile.ContactPhone = Input.ContactPhone?.Trim() ?? "";
        profile.ContactEmail = Input.ContactEmail?.Trim() ?? "";
        profile.WebsiteUrl = website;
        profile.IsPublished = Input.IsPublished;

        if (await editor.SaveProfileAsync(profile, Input.Version, wardIds, User.Identity!.Name!, ct) == SaveOutcome.Conflict)
        {
            var current = await db.Set<SupportProfile>().AsNoTracking().FirstAsync(p => p.Id == profile.Id, ct);
            ModelState.AddModelError("", T["このプロフィールは他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            ConflictBy = current.ModifiedBy;
            ConflictAt = current.ModifiedUtc;
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            await LoadChoicesAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Status"] = T["プロフィールを保存しました。"].Value;
        return RedirectToPage("/Directory/Details", new { id = profile.Id });
    }

    /// <summary>The tracked profile to edit (new and unsaved for an organisation without one), or the answer to give instead.</summary>
    private async Task<(SupportProfile?, IActionResult?)> ResolveAsync(int? id, CancellationToken ct)
    {
        SupportProfile? profile;
        if (id is not null)
        {
            profile = await db.Set<SupportProfile>().Include(p => p.Wards).Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (profile is null) return (null, NotFound());
            if (!User.CanEditProfile(profile)) return (null, Forbid());
            Organisation = profile.Organisation!;
            return (profile, null);
        }

        var own = await organisations.OfUserAsync(User, ct);
        if (own is not { Kind: OrganisationKind.IntermediarySupport })
            return (null, NotFound());
        Organisation = own;
        profile = await db.Set<SupportProfile>().Include(p => p.Wards).FirstOrDefaultAsync(p => p.OrganisationId == own.Id, ct);
        return (profile ?? new SupportProfile { OrganisationId = own.Id }, null);
    }

    private async Task LoadChoicesAsync(CancellationToken ct) =>
        Wards = await db.Wards.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(ct);

    private ProfileInput ToInput(SupportProfile p) => new()
    {
        Services = FlagSet<SupportServices>.Split(p.Services).ToList(),
        ServicesNote = p.ServicesNote,
        WardCodes = db.Wards.AsNoTracking().Where(w => p.Wards.Select(x => x.WardId).Contains(w.Id)).Select(w => w.Code).ToList(),
        Description = p.Description, Staff = p.Staff, TrackRecord = p.TrackRecord,
        ContactName = p.ContactName, ContactPhone = p.ContactPhone, ContactEmail = p.ContactEmail,
        WebsiteUrl = p.WebsiteUrl, IsPublished = p.IsPublished, Version = p.Version,
    };
}
