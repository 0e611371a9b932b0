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
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.Staff;

public sealed class ActionInput
{
    [Display(Name = "内容")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(500, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string Description { get; set; } = "";

    [Display(Name = "担当組織")]
    [Required(ErrorMessage = "{0}を選択してください。")]
    public int? OwnerOrganisationId { get; set; }

    [Display(Name = "期限")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [SupportedDate]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "状態")]
    public ActionStatus Status { get; set; }

    [Display(Name = "関連する決定事項")]
    public int? DecisionId { get; set; }

    public Guid Version { get; set; }
}

[RequirePermission(TaskForcePermission.ManageTaskForces)]
public class EditActionModel(PortalDbContext db, TaskForceEditor editor, FormSubmissions submissions, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public TaskForce TaskForce { get; private set; } = null!;
    public IReadOnlyList<(TaskForceSession Session, Decision Decision)> DecisionChoices { get; private set; } = [];
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int taskForceId, int? id, CancellationToken ct)
    {
        var (denied, item) = await LoadAsync(taskForceId, id, ct);
        if (denied is not null) return denied;
        if (item is not null)
            Input = new ActionInput
            {
                Description = item.Description, OwnerOrganisationId = item.OwnerOrganisationId, DueDate = item.DueDate,
                Status = item.Status, DecisionId = item.DecisionId, Version = item.Version,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int taskForceId, int? id, CancellationToken ct)
    {
        var (denied, item) = await LoadAsync(taskForceId, id, ct);
        if (denied is not null) return denied;
        if (Input.OwnerOrganisationId is { } ownerId && TaskForce.Members.All(m => m.OrganisationId != ownerId))
            ModelState.AddModelError("Input.OwnerOrganisationId", T["担当組織はメンバー組織から選んでください。"]);
        if (!ActionStatusLabels.All.Contains(Input.Status))
            ModelState.AddModelError("Input.Status", T["状態の値が正しくありません。"]);
        var decision = DecisionChoices.FirstOrDefault(c => c.Decision.Id == Input.DecisionId);
        if (Input.DecisionId is not null && decision.Decision is null)
            ModelState.AddModelError("Input.DecisionId", T["関連する決定事項の値が正しくありません。"]);
        var key = item is null ? submissions.KeyOf(this) : null;
        if (!ModelState.IsValid)
            return Page();

        if (key is not null)
        {
            // A new action item: saved once however often (or however simultaneously) this rendered form is sent.
            var submission = await submissions.SaveOnceAsync(this, "taskforces.action-create", key.Value, async () =>
            {
                var created = new ActionItem { Description = "", TaskForceId = TaskForce.Id };
                Apply(created, decision);
                await editor.SaveActionItemAsync(created, Input.Version, User.Identity!.Name!, ct);
                return created.Id.ToString(CultureInfo.InvariantCulture);
            }, ct);
            return submission.IsSaved ? Saved(submission.Result) : Page();
        }

        Apply(item!, decision);
        if (await editor.SaveActionItemAsync(item!, Input.Version, User.Identity!.Name!, ct) == SaveOutcome.Conflict)
        {
            ModelState.AddModelError("", T["このアクションは他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Saved(item!.Id.ToString(CultureInfo.InvariantCulture));
    }

    private RedirectResult Saved(string itemId)
    {
        TempData["Status"] = T["アクションを保存しました。"].Value;
        return Redirect($"/taskforces/{TaskForce.Id}#action-{itemId}");
    }

    private void Apply(ActionItem item, (TaskForceSession Session, Decision Decision) decision)
    {
        item.Description = Input.Description.Trim();
        item.OwnerOrganisationId = Input.OwnerOrganisationId!.Value;
        item.DueDate = Input.DueDate!.Value;
        item.Status = Input.Status;
        item.DecisionId = decision.Decision?.Id;
        item.SessionId = decision.Session?.Id;
    }

    private async Task<(IActionResult? Denied, ActionItem? Item)> LoadAsync(int taskForceId, int? id, CancellationToken ct)
    {
        Id = id;
        var taskForce = await db.Set<TaskForce>().AsNoTracking().AsSplitQuery()
            .Include(t => t.Members).ThenInclude(m => m.Organisation)
            .Include(t => t.Sessions).ThenInclude(s => s.Decisions)
            .FirstOrDefaultAsync(t => t.Id == taskForceId, ct);
        if (taskForce is null) return (NotFound(), null);
        if (!User.CanEdit(taskForce)) return (Forbid(), null);
        TaskForce = taskForce;
        DecisionChoices = taskForce.Sessions.OrderBy(s => s.StartUtc)
            .SelectMany(s => s.Decisions.OrderBy(d => d.Number).Select(d => (s, d))).ToList();
        if (id is null) return (null, null);
        var item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == id && a.TaskForceId == taskForceId, ct);
        return item is null ? (NotFound(), null) : (null, item);
    }
}
