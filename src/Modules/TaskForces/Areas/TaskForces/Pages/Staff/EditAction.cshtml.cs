using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.Staff;

[RequirePermission(TaskForcePermission.ManageTaskForces)]
public class EditActionModel(TaskForceQueries queries, TaskForceEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public TaskForce TaskForce { get; private set; } = null!;
    public IReadOnlyList<(TaskForceSession Session, Decision Decision)> DecisionChoices { get; private set; } = [];
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int taskForceId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(taskForceId, id, ct) is { } denied) return denied;
        if (id is not null)
        {
            if (await queries.FindActionAsync(taskForceId, id.Value, ct) is not { } item) return NotFound();
            Input = ActionInput.From(item);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int taskForceId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(taskForceId, id, ct) is { } denied) return denied;
        var result = await editor.SaveActionAsync(User, taskForceId, id, Input, ModelState.IsValid, id is null ? SentForm.Of(this) : null, ct);
        return this.Reply(result, saved =>
        {
            TempData["Status"] = T["アクションを保存しました。"].Value;
            return Redirect($"/taskforces/{TaskForce.Id}#action-{saved.Id}");
        }, version => Input.Version = version);
    }

    /// <summary>The task force the form shows (its members and decisions to choose from), if the user may edit it.</summary>
    private async Task<IActionResult?> LoadAsync(int taskForceId, int? id, CancellationToken ct)
    {
        Id = id;
        var taskForce = await queries.FindWithMembersAndDecisionsAsync(taskForceId, ct);
        if (taskForce is null) return NotFound();
        if (!User.CanEdit(taskForce)) return Forbid();
        TaskForce = taskForce;
        DecisionChoices = TaskForceQueries.DecisionChoices(taskForce);
        return null;
    }
}
