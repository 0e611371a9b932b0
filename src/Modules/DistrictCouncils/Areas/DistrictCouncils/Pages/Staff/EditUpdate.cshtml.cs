using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

[RequirePermission(CouncilPermission.PostCouncilUpdates)]
public class EditUpdateModel(CouncilQueries queries, CouncilEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T)
    : PageModel
{
    [BindProperty]
    public UpdateInput Input { get; set; } = new();

    public DistrictCouncil Council { get; private set; } = null!;
    public CouncilUpdate? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? councilId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, councilId, ct);
        if (denied is not null) return denied;
        if (Existing is not null)
            Input = UpdateInput.From(Existing);
        return Page();
    }

    /// <param name="intent">"draft" keeps or makes it a draft, "publish" publishes it.</param>
    public async Task<IActionResult> OnPostAsync(int? id, int? councilId, string? intent, CancellationToken ct)
    {
        var denied = await LoadAsync(id, councilId, ct);
        if (denied is not null) return denied;
        if (intent is not ("draft" or "publish"))
            ModelState.AddModelError("", T["保存の種類が正しくありません。"]);
        var publish = intent == "publish";
        var result = await editor.SaveUpdateAsync(User, id, Council.Id, Input, publish, ModelState.IsValid, Existing is null ? SentForm.Of(this) : null, ct);
        return this.Reply(result, _ => Saved(publish), version => Input.Version = version);
    }

    private RedirectToPageResult Saved(bool published)
    {
        TempData["Status"] = (published ? T["活動報告を公開しました。"] : T["活動報告を下書きとして保存しました。"]).Value;
        return RedirectToPage("/Staff/Index");
    }

    private async Task<IActionResult?> LoadAsync(int? id, int? councilId, CancellationToken ct)
    {
        if (id is not null)
        {
            Existing = await queries.FindUpdateWithCouncilAsync(id.Value, ct);
            if (Existing is null) return NotFound();
            if (!User.CanEditUpdate(Existing)) return Forbid();
            Council = Existing.Council!;
            return null;
        }

        if (councilId is null || await queries.FindAsync(councilId.Value, ct) is not { } council) return NotFound();
        if (!User.CanPostUpdateTo(council, await organisations.OfUserAsync(User, ct))) return Forbid();
        Council = council;
        return null;
    }
}
