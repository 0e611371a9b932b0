using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

[RequirePermission(MeetingPermission.ManageMeetings)]
public class EditMinutesModel(MeetingQueries queries, MeetingEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public MinutesInput Input { get; set; } = new();

    public Meeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (Meeting.Minutes is { } minutes)
            Input = MinutesInput.From(minutes);
        return Page();
    }

    /// <param name="intent">"draft" keeps or makes them a draft, "publish" publishes them.</param>
    public async Task<IActionResult> OnPostAsync(int id, string? intent, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (intent is not ("draft" or "publish"))
            ModelState.AddModelError("", T["保存の種類が正しくありません。"]);
        var publish = intent == "publish";
        var result = await editor.SaveMinutesAsync(User, id, Input, publish, ModelState.IsValid, ct);
        return this.Reply(result, _ =>
        {
            TempData["Status"] = publish ? T["議事録を公開しました。"].Value : T["議事録を下書きとして保存しました。"].Value;
            return Redirect($"/meetings/{id}");
        }, version => Input.Version = version);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await queries.FindWithMinutesAsync(id, ct);
        if (meeting is null) return NotFound();
        if (!User.CanEdit(meeting)) return Forbid();
        Meeting = meeting;
        return null;
    }
}
