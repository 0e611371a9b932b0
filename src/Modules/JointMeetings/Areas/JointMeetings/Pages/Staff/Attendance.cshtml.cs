using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

public sealed class AttendanceRow
{
    public int OrganisationId { get; set; }

    [Display(Name = "出席者数")]
    [Range(0, 999, ErrorMessage = "{0}は{1}から{2}の範囲で入力してください。")]
    public int? Count { get; set; }

    [Display(Name = "出席者")]
    [StringLength(500, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Names { get; set; }
}

[RequirePermission(MeetingPermission.ManageMeetings)]
public class AttendanceModel(PortalDbContext db, MeetingEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public List<AttendanceRow> Rows { get; set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    public Meeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Version = Meeting.Version;
        Rows = RowsOf(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        // A post without a single row (another content type, an empty body) must not erase the attendance on record.
        if (Rows.Count == 0)
        {
            ModelState.AddModelError("", T["出席の内容を読み取れませんでした。ページを開き直してから、もう一度保存してください。"]);
            Rows = RowsOf(Meeting);
        }
        if (Rows.Any(r => Meeting.Participants.All(p => p.OrganisationId != r.OrganisationId)))
            ModelState.AddModelError("", T["出席は参加組織についてだけ記録できます。"]);
        if (!ModelState.IsValid)
            return Page();

        foreach (var participant in Meeting.Participants)
        {
            var row = Rows.FirstOrDefault(r => r.OrganisationId == participant.OrganisationId);
            participant.AttendeeCount = row?.Count;
            participant.AttendeeNames = row?.Names?.Trim() ?? "";
        }
        if (await editor.SaveMeetingAsync(Meeting, Version, User.Identity!.Name!, ct) == SaveOutcome.Conflict)
        {
            ModelState.AddModelError("", T["この会議は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Status"] = T["出席を記録しました。"].Value;
        return Redirect($"/meetings/{id}");
    }

    private static List<AttendanceRow> RowsOf(Meeting meeting) =>
        meeting.Participants.Select(p => new AttendanceRow { OrganisationId = p.OrganisationId, Count = p.AttendeeCount, Names = p.AttendeeNames }).ToList();

    public string NameOf(int organisationId) =>
        Meeting.Participants.FirstOrDefault(p => p.OrganisationId == organisationId)?.Organisation?.Name ?? "";

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().Include(m => m.Participants).ThenInclude(p => p.Organisation)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        if (!User.CanEdit(meeting)) return Forbid();
        Meeting = meeting;
        return null;
    }
}
