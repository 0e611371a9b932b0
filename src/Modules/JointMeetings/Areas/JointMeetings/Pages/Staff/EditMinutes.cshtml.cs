using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

public sealed class MinutesInput
{
    [Display(Name = "議事録")]
    [StringLength(50000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Body { get; set; }

    /// <summary>Empty while the meeting has no minutes yet.</summary>
    public Guid Version { get; set; }
}

[RequirePermission(MeetingPermission.ManageMeetings)]
public class EditMinutesModel(PortalDbContext db, MeetingEditor editor, RichText richText, IStringLocalizer<Strings> T) : PageModel
{
    /// <summary>The stored (sanitised) minutes' limit: escaping can make them longer than what was typed.</summary>
    public const int BodyMaxLength = 50000;

    [BindProperty]
    public MinutesInput Input { get; set; } = new();

    public Meeting Meeting { get; private set; } = null!;
    public string? ConflictBy { get; private set; }
    public DateTime? ConflictAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (Meeting.Minutes is { } minutes)
            Input = new MinutesInput { Body = minutes.Body, Version = minutes.Version };
        return Page();
    }

    /// <param name="intent">"draft" keeps or makes them a draft, "publish" publishes them.</param>
    public async Task<IActionResult> OnPostAsync(int id, string? intent, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (intent is not ("draft" or "publish"))
            ModelState.AddModelError("", T["保存の種類が正しくありません。"]);
        if (ModelState.IsValid && richText.Sanitize(Input.Body).Length > BodyMaxLength)
            ModelState.AddModelError("Input.Body", T["本文は保存できる長さ（{0}文字）を超えています。「<」や「&」などの記号は、保存するときに長い表記に置き換わります。", BodyMaxLength]);
        if (!ModelState.IsValid)
            return Page();

        var status = intent == "publish" ? MinutesStatus.Published : MinutesStatus.Draft;
        var outcome = await editor.SaveMinutesAsync(Meeting, Input.Version, Input.Body ?? "", status, User.Identity!.Name!, ct);
        if (outcome == SaveOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<MeetingMinutes>().AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == id, ct);
            ModelState.AddModelError("", T["この議事録は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            ConflictBy = current?.ModifiedBy;
            ConflictAt = current?.ModifiedUtc;
            ModelState.Remove("Input.Version");
            Input.Version = current?.Version ?? Guid.Empty;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Status"] = status == MinutesStatus.Published ? T["議事録を公開しました。"].Value : T["議事録を下書きとして保存しました。"].Value;
        return Redirect($"/meetings/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().Include(m => m.Minutes).Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        if (!User.CanEdit(meeting)) return Forbid();
        Meeting = meeting;
        return null;
    }
}
