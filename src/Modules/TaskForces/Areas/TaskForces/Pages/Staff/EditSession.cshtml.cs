using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.Core.Time;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.Staff;

public sealed class SessionInput
{
    [Display(Name = "日時")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [SupportedDate]
    public DateTime? Start { get; set; }

    /// <summary>Null: a plenary session of the whole task force.</summary>
    [Display(Name = "ワーキンググループ")]
    public int? WorkingGroupId { get; set; }

    [Display(Name = "出席者")]
    [StringLength(1000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Attendees { get; set; }

    [Display(Name = "概要")]
    [StringLength(4000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Summary { get; set; }

    [Display(Name = "決定事項")]
    [StringLength(10000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Decisions { get; set; }

    /// <summary>The version the form was filled from: an edit saved by someone else in between is refused.</summary>
    public Guid Version { get; set; }
}

[RequirePermission(TaskForcePermission.ManageTaskForces)]
public class EditSessionModel(PortalDbContext db, TaskForceEditor editor, FormSubmissions submissions, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public TaskForce TaskForce { get; private set; } = null!;
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int taskForceId, int? id, CancellationToken ct)
    {
        var (denied, session) = await LoadAsync(taskForceId, id, ct);
        if (denied is not null) return denied;
        if (session is not null)
        {
            Input = new SessionInput
            {
                Start = TokyoTime.ToTokyo(session.StartUtc), WorkingGroupId = session.WorkingGroupId,
                Attendees = session.Attendees, Summary = session.Summary,
                Decisions = string.Join('\n', session.Decisions.OrderBy(d => d.Number).Select(d => d.Text)),
                Version = session.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int taskForceId, int? id, CancellationToken ct)
    {
        var (denied, session) = await LoadAsync(taskForceId, id, ct);
        if (denied is not null) return denied;
        if (Input.WorkingGroupId is { } groupId && TaskForce.WorkingGroups.All(g => g.Id != groupId))
            ModelState.AddModelError("Input.WorkingGroupId", T["ワーキンググループの値が正しくありません。"]);
        var decisions = (Input.Decisions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (decisions.Any(d => d.Length > 1000))
            ModelState.AddModelError("Input.Decisions", T["決定事項は1行1000文字以内で入力してください。"]);
        var key = session is null ? submissions.KeyOf(this) : null;
        if (!ModelState.IsValid)
            return Page();

        if (key is not null)
        {
            // A new session: saved once however often (or however simultaneously) this rendered form is sent.
            var submission = await submissions.SaveOnceAsync(this, "taskforces.session-create", key.Value, async () =>
            {
                var created = new TaskForceSession { TaskForceId = TaskForce.Id };
                Apply(created, decisions);
                await editor.SaveSessionAsync(created, Input.Version, ct);
                return created.Id.ToString(CultureInfo.InvariantCulture);
            }, ct);
            return submission.IsSaved ? Saved(submission.Result) : Page();
        }

        Apply(session!, decisions);
        if (await editor.SaveSessionAsync(session!, Input.Version, ct) == SaveOutcome.Conflict)
        {
            ModelState.AddModelError("", T["この会合の記録は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Saved(session!.Id.ToString(CultureInfo.InvariantCulture));
    }

    private RedirectResult Saved(string sessionId)
    {
        TempData["Status"] = T["会合の記録を保存しました。"].Value;
        return Redirect($"/taskforces/{TaskForce.Id}#session-{sessionId}");
    }

    private void Apply(TaskForceSession session, List<string> decisions)
    {
        session.StartUtc = TokyoTime.ToUtc(Input.Start!.Value);
        session.WorkingGroupId = Input.WorkingGroupId;
        session.Attendees = Input.Attendees?.Trim() ?? "";
        session.Summary = Input.Summary?.Trim() ?? "";
        // Decisions keep their number (and the action items linked to it) while their line stays in place.
        for (var i = 0; i < decisions.Count; i++)
        {
            var existing = session.Decisions.FirstOrDefault(d => d.Number == i + 1);
            if (existing is null) session.Decisions.Add(new Decision { Number = i + 1, Text = decisions[i] });
            else existing.Text = decisions[i];
        }
        session.Decisions.RemoveAll(d => d.Number > decisions.Count);
    }

    private async Task<(IActionResult? Denied, TaskForceSession? Session)> LoadAsync(int taskForceId, int? id, CancellationToken ct)
    {
        Id = id;
        var taskForce = await db.Set<TaskForce>().AsNoTracking().Include(t => t.WorkingGroups).FirstOrDefaultAsync(t => t.Id == taskForceId, ct);
        if (taskForce is null) return (NotFound(), null);
        if (!User.CanEdit(taskForce)) return (Forbid(), null);
        TaskForce = taskForce;
        if (id is null) return (null, null);
        var session = await db.Set<TaskForceSession>().Include(s => s.Decisions).FirstOrDefaultAsync(s => s.Id == id && s.TaskForceId == taskForceId, ct);
        return session is null ? (NotFound(), null) : (null, session);
    }
}
