using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Staff;

/// <summary>Records a new voice item, or corrects the recorded fields of one (see <see cref="VoiceAccess.CanEditDetails"/>).</summary>
[Authorize]
public class EditItemModel(VoiceQueries queries, VoiceEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public VoiceItem? Existing { get; private set; }
    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = Existing is { } existing ? ItemInput.From(existing) : ItemInput.New(queries.TodayInTokyo(), Organisation?.Ward?.Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        var result = await editor.SaveItemAsync(User, id, Input, ModelState.IsValid, id is null ? SentForm.Of(this) : null, ct);
        return this.Reply(result, saved =>
        {
            TempData["Status"] = (id is null ? T["地域の声を記録しました。"] : T["地域の声を保存しました。"]).Value;
            return RedirectToPage("/Staff/Item", new { id = saved.Id });
        }, version => Input.Version = version);
    }

    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        Organisation = await organisations.OfUserAsync(User, ct);
        Wards = await organisations.WardsAsync(ct);
        Categories = await queries.CategoriesAsync(ct);
        if (id is null)
            return User.CanRaise(Organisation) ? null : Forbid();

        Existing = await queries.FindAsync(id.Value, ct);
        if (Existing is null) return NotFound();
        return User.CanEditDetails(Existing, Organisation) ? null : Forbid();
    }
}
