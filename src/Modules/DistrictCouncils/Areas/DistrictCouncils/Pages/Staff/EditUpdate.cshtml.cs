using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

public sealed class UpdateInput
{
    [Display(Name = "タイトル")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string Title { get; set; } = "";

    [Display(Name = "本文")]
    [StringLength(20000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Body { get; set; }

    public Guid Version { get; set; }
}

[RequirePermission(CouncilPermission.PostCouncilUpdates)]
public class EditUpdateModel(
    PortalDbContext db, CouncilEditor editor, OrganisationLookup organisations, RichText richText, FormSubmissions submissions, IStringLocalizer<Strings> T)
    : PageModel
{
    /// <summary>The stored (sanitised) body's limit: escaping can make it longer than what was typed.</summary>
    public const int BodyMaxLength = 20000;

    [BindProperty]
    public UpdateInput Input { get; set; } = new();

    public DistrictCouncil Council { get; private set; } = null!;
    public CouncilUpdate? Existing { get; private set; }
    public string? ConflictBy { get; private set; }
    public DateTime? ConflictAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? councilId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, councilId, ct);
        if (denied is not null) return denied;
        if (Existing is not null)
            Input = new UpdateInput { Title = Existing.Title, Body = Existing.Body, Version = Existing.Version };
        return Page();
    }

    /// <param name="intent">"draft" keeps or makes it a draft, "publish" publishes it.</param>
    public async Task<IActionResult> OnPostAsync(int? id, int? councilId, string? intent, CancellationToken ct)
    {
        var denied = await LoadAsync(id, councilId, ct);
        if (denied is not null) return denied;
        if (intent is not ("draft" or "publish"))
            ModelState.AddModelError("", T["保存の種類が正しくありません。"]);
        var key = Existing is null ? submissions.KeyOf(this) : null;
        if (!ModelState.IsValid)
            return Page();
        // "<" typed as text is stored as "&lt;": 20,000 of them are 80,000 characters, more than the column holds.
        var body = richText.Sanitize(Input.Body);
        if (body.Length > BodyMaxLength)
        {
            ModelState.AddModelError("Input.Body", T["本文は保存できる長さ（{0}文字）を超えています。「<」や「&」などの記号は、保存するときに長い表記に置き換わります。", BodyMaxLength]);
            return Page();
        }

        var status = intent == "publish" ? UpdateStatus.Published : UpdateStatus.Draft;
        if (key is not null)
        {
            // A new update: saved once however often (or however simultaneously) this rendered form is sent.
            var submission = await submissions.SaveOnceAsync(this, "updates.create", key.Value, async () =>
            {
                var created = new CouncilUpdate
                {
                    Title = "",
                    CouncilId = Council.Id,
                    // Administrators without an organisation post on behalf of the council's managing organisation.
                    OrganisationId = User.OrganisationIdOf() ?? Council.ManagingOrganisationId,
                };
                await editor.SaveUpdateAsync(created, Input.Version, Input.Title, Input.Body ?? "", status, User.Identity!.Name!, ct);
                return created.Id.ToString(CultureInfo.InvariantCulture);
            }, ct);
            return submission.IsSaved ? Saved(status) : Page();
        }

        var update = Existing!;
        var outcome = await editor.SaveUpdateAsync(update, Input.Version, Input.Title, Input.Body ?? "", status, User.Identity!.Name!, ct);
        if (outcome == SaveOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<CouncilUpdate>().AsNoTracking().FirstAsync(u => u.Id == update.Id, ct);
            ModelState.AddModelError("", T["この活動報告は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            ConflictBy = current.ModifiedBy;
            ConflictAt = current.ModifiedUtc;
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Saved(status);
    }

    private RedirectToPageResult Saved(UpdateStatus status)
    {
        TempData["Status"] = (status == UpdateStatus.Published ? T["活動報告を公開しました。"] : T["活動報告を下書きとして保存しました。"]).Value;
        return RedirectToPage("/Staff/Index");
    }

    private async Task<IActionResult?> LoadAsync(int? id, int? councilId, CancellationToken ct)
    {
        if (id is not null)
        {
            Existing = await db.Set<CouncilUpdate>().Include(u => u.Council).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (Existing is null) return NotFound();
            if (!User.CanEditUpdate(Existing)) return Forbid();
            Council = Existing.Council!;
            return null;
        }

        if (councilId is null) return NotFound();
        var council = await db.Set<DistrictCouncil>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null) return NotFound();
        if (!User.CanPostUpdateTo(council, await organisations.OfUserAsync(User, ct))) return Forbid();
        Council = council;
        return null;
    }
}
