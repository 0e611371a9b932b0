using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Meetings;

[OutputCache(PolicyName = PublicPageCache.ClockPolicy, Tags = [Meeting.CacheTag])]
public class IndexModel(MeetingQueries queries, OrganisationLookup organisations, TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public Ward? SelectedWard { get; private set; }
    public IReadOnlyList<MeetingSummary> Upcoming { get; private set; } = [];
    public IReadOnlyList<MeetingSummary> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? ward, CancellationToken ct)
    {
        Wards = await organisations.WardsAsync(ct);
        if (!string.IsNullOrEmpty(ward))
        {
            if (ward.Length > 6)
                return this.BadQuery("ward", T["区は 27127 のような区コードで指定してください。"]);
            SelectedWard = Wards.FirstOrDefault(w => w.Code == ward);
            if (SelectedWard is null) return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = await queries.UpcomingAsync(User, SelectedWard?.Id, now, ct);
        Past = await queries.PastAsync(User, SelectedWard?.Id, now, ct);
        return Page();
    }
}
