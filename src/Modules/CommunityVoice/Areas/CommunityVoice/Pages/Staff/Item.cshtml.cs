using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Staff;

/// <summary>The staff view of an item (details, raiser, notes) and, for the ward office, the handling form.</summary>
[Authorize]
public class ItemModel(VoiceQueries queries, VoiceEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public HandlingInput Input { get; set; } = new();

    public VoiceItem Item { get; private set; } = null!;
    public bool CanHandle { get; private set; }
    public bool CanEditDetails { get; private set; }
    public bool IsOverdue { get; private set; }
    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];
    public IReadOnlyList<VoiceStatus> Statuses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = HandlingInput.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        var result = await editor.HandleAsync(User, id, Input, ModelState.IsValid, ct);
        return this.Reply(result, _ =>
        {
            TempData["Status"] = T["対応内容を保存しました。"].Value;
            return RedirectToPage("/Staff/Item", new { id });
        }, version => Input.Version = version);
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
