using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Staff;

/// <summary>Open items per department, overdue ones marked; the ward office sees its ward, other staff what they raised.</summary>
[Authorize]
public class QueueModel(VoiceQueries queries, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<VoiceDepartment> Departments { get; private set; } = [];
    public IReadOnlyList<VoiceItem> Items { get; private set; } = [];
    public int? DepartmentId { get; private set; }
    public bool Descending { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanRaise { get; private set; }

    /// <param name="sort">"target" (default, earliest first) or "-target".</param>
    public async Task<IActionResult> OnGetAsync(string? department, string? sort, CancellationToken ct)
    {
        if (!User.HasPermission(VoicePermission.RaiseVoiceItems) && !User.HasPermission(VoicePermission.HandleVoiceItems))
            return Forbid();
        Organisation = await organisations.OfUserAsync(User, ct);
        CanRaise = User.CanRaise(Organisation);
        Today = queries.TodayInTokyo();

        Departments = await queries.QueueDepartmentsAsync(User, Organisation, ct);

        if (!string.IsNullOrEmpty(department))
        {
            if (!int.TryParse(department, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || Departments.All(d => d.Id != id))
                ModelState.AddModelError("department", T["指定された担当課はありません。一覧から選んでください。"]);
            else
                DepartmentId = id;
        }
        if (sort is not (null or "" or "target" or "-target"))
            ModelState.AddModelError("sort", T["並び順は target または -target で指定してください。"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Descending = sort == "-target";
        Items = await queries.OpenQueueAsync(User, Organisation, DepartmentId, Descending, ct);
        return Page();
    }
}
