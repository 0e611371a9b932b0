using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

public sealed class CouncilInput
{
    [Display(Name = "名称")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(120, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string Name { get; set; } = "";

    [Display(Name = "区")]
    [Required(ErrorMessage = "{0}を選択してください。")]
    [StringLength(6)]
    public string WardCode { get; set; } = "";

    [Display(Name = "担当組織")]
    public int? ManagingOrganisationId { get; set; }

    [Display(Name = "地域（校区）")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Area { get; set; }

    [Display(Name = "活動分野")]
    public List<ActivityFields> Fields { get; set; } = [];

    [Display(Name = "紹介")]
    [StringLength(4000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Description { get; set; }

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

    [Display(Name = "緯度")]
    [Range(-90.0, 90.0, ErrorMessage = "{0}は{1}から{2}の範囲で入力してください。")]
    public double? Latitude { get; set; }

    [Display(Name = "経度")]
    [Range(-180.0, 180.0, ErrorMessage = "{0}は{1}から{2}の範囲で入力してください。")]
    public double? Longitude { get; set; }

    [Display(Name = "公開する")]
    public bool IsPublished { get; set; }

    public Guid Version { get; set; }
}

[RequirePermission(CouncilPermission.ManageCouncilProfiles)]
public class EditCouncilModel(
    PortalDbContext db, CouncilEditor editor, OrganisationLookup organisations, FormSubmissions submissions, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public CouncilInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<Organisation> ManagingOrganisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var council = await db.Set<DistrictCouncil>().Include(c => c.Ward).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (council is null) return NotFound();
            if (!User.CanEditProfile(council)) return Forbid();
            Input = ToInput(council);
        }
        else if (await organisations.OfUserAsync(User, ct) is { Ward: { } ward })
        {
            Input.WardCode = ward.Code;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        DistrictCouncil? council = null;
        if (id is not null)
        {
            council = await db.Set<DistrictCouncil>().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (council is null) return NotFound();
            if (!User.CanEditProfile(council)) return Forbid();
        }

        // A new council: this rendered form saves once however often (or however simultaneously) it is sent.
        var key = council is null ? submissions.KeyOf(this) : null;

        var userOrganisation = await organisations.OfUserAsync(User, ct);
        var ward = await db.Wards.FirstOrDefaultAsync(w => w.Code == Input.WardCode, ct);
        if (ward is null)
            ModelState.AddModelError("Input.WardCode", T["区を選択してください。"]);
        else if (!User.IsAdministrator() && userOrganisation?.WardId != ward.Id)
            ModelState.AddModelError("Input.WardCode", T["自組織の区の協議会だけを登録・編集できます。"]);
        // One name per ward, checked here for a clear message and kept by a unique index.
        var name = Input.Name?.Trim() ?? "";
        if (ward is not null && name.Length > 0
            && await db.Set<DistrictCouncil>().AnyAsync(c => c.WardId == ward.Id && c.Name == name && c.Id != (id ?? 0), ct))
            NameTaken(ward, name);
        if (Input.Fields.Any(f => !ActivityFieldLabels.All.Contains(f)))
            ModelState.AddModelError("Input.Fields", T["活動分野の値が正しくありません。"]);
        if (Input.Latitude.HasValue != Input.Longitude.HasValue)
            ModelState.AddModelError("Input.Longitude", T["緯度と経度は両方入力するか、両方空欄にしてください。"]);

        int managingOrganisationId;
        if (User.IsAdministrator())
        {
            managingOrganisationId = Input.ManagingOrganisationId ?? council?.ManagingOrganisationId ?? 0;
            if (!await db.Organisations.AnyAsync(o => o.Id == managingOrganisationId, ct))
                ModelState.AddModelError("Input.ManagingOrganisationId", T["担当組織を選択してください。"]);
        }
        else
        {
            // Staff cannot hand a council to another organisation: it stays with theirs.
            managingOrganisationId = council?.ManagingOrganisationId ?? userOrganisation?.Id ?? 0;
        }

        if (!ModelState.IsValid)
        {
            // The name "taken" may be this user's own council, saved by an earlier (or a simultaneous) send of this form.
            if (key is not null && await submissions.EarlierAsync(this, CreateForm, key.Value, ct) is { IsSaved: true } earlier)
                return Saved(earlier.Result);
            return await ShowAgainAsync(ct);
        }

        council ??= new DistrictCouncil { Name = "" };
        council.Name = Input.Name.Trim();
        council.WardId = ward!.Id;
        council.ManagingOrganisationId = managingOrganisationId;
        council.Area = Input.Area?.Trim() ?? "";
        council.Fields = ActivityFieldLabels.Combine(Input.Fields);
        council.Description = Input.Description?.Trim() ?? "";
        council.ContactName = Input.ContactName?.Trim() ?? "";
        council.ContactPhone = Input.ContactPhone?.Trim() ?? "";
        council.ContactEmail = Input.ContactEmail?.Trim() ?? "";
        council.Latitude = Input.Latitude;
        council.Longitude = Input.Longitude;
        council.IsPublished = Input.IsPublished;

        if (key is not null)
        {
            var submission = await submissions.SaveOnceAsync(this, CreateForm, key.Value, async () =>
                await editor.SaveCouncilAsync(council, Input.Version, User.Identity!.Name!, ct) == SaveOutcome.Saved
                    ? council.Id.ToString(CultureInfo.InvariantCulture) : null, ct);
            if (submission.IsSaved)
                return Saved(submission.Result);
            if (submission.Outcome == SubmissionOutcome.NotSaved)
                NameTaken(ward, council.Name); // another form took the name at the same moment
            return await ShowAgainAsync(ct);
        }

        var outcome = await editor.SaveCouncilAsync(council, Input.Version, User.Identity!.Name!, ct);
        if (outcome == SaveOutcome.NameTaken)
        {
            // The same name saved at the same moment (a double click, another editor): the unique index kept the other.
            NameTaken(ward!, council.Name);
            return await ShowAgainAsync(ct);
        }
        if (outcome == SaveOutcome.Conflict)
        {
            var current = await db.Set<DistrictCouncil>().AsNoTracking().FirstAsync(c => c.Id == council.Id, ct);
            ModelState.AddModelError("", T["この協議会は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            ConflictBy = current.ModifiedBy;
            ConflictAt = current.ModifiedUtc;
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await ShowAgainAsync(ct);
        }

        return Saved(council.Id.ToString(CultureInfo.InvariantCulture));
    }

    private const string CreateForm = "councils.create";

    private RedirectToPageResult Saved(string councilId)
    {
        TempData["Status"] = T["協議会のプロフィールを保存しました。"].Value;
        return RedirectToPage("/Councils/Details", new { id = councilId });
    }

    private async Task<IActionResult> ShowAgainAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return Page();
    }

    private void NameTaken(Ward ward, string name) =>
        ModelState.AddModelError("Input.Name", T["{0}には「{1}」がすでに登録されています。", ward.Name, name]);

    public string? ConflictBy { get; private set; }
    public DateTime? ConflictAt { get; private set; }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Wards = await db.Wards.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(ct);
        if (User.IsAdministrator())
            ManagingOrganisations = await db.Organisations.AsNoTracking().OrderBy(o => o.WardId).ThenBy(o => o.Kind).ToListAsync(ct);
    }

    private static CouncilInput ToInput(DistrictCouncil c) => new()
    {
        Name = c.Name, WardCode = c.Ward!.Code, ManagingOrganisationId = c.ManagingOrganisationId, Area = c.Area,
        Fields = ActivityFieldLabels.Split(c.Fields).ToList(), Description = c.Description,
        ContactName = c.ContactName, ContactPhone = c.ContactPhone, ContactEmail = c.ContactEmail,
        Latitude = c.Latitude, Longitude = c.Longitude, IsPublished = c.IsPublished, Version = c.Version,
    };
}
