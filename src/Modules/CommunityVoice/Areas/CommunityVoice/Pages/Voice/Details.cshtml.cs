using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Voice;

/// <summary>The resident's view of one public item: no details, no personal data, no handling notes.</summary>
public class DetailsModel(VoiceQueries queries, OrganisationLookup organisations) : PageModel
{
    public VoiceItem Item { get; private set; } = null!;
    public bool CanOpenStaffView { get; private set; }

    /// <summary>Received and status changes only: dates and statuses are public, notes and re-routing are not.</summary>
    public IEnumerable<VoiceItemHistory> PublicHistory =>
        Item.History.Where(h => h.Kind is VoiceHistoryKind.Received or VoiceHistoryKind.StatusChanged);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await queries.FindPublicAsync(id, ct);
        if (item is null)
            return NotFound();
        Item = item;
        CanOpenStaffView = User.Identity?.IsAuthenticated == true && User.CanViewInternal(item, await organisations.OfUserAsync(User, ct));
        return Page();
    }
}
