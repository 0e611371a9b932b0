using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.TaskForces;

public class DetailsModel(TaskForceQueries queries, TaskForceEditor editor, TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    public TaskForce TaskForce { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, ct) ? Page() : NotFound();

    /// <summary>Status change of one action item, from the form next to it.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, int actionId, ActionStatus? status, Guid version, CancellationToken ct)
    {
        var result = await editor.ChangeActionStatusAsync(User, id, actionId, status, version, ct);
        if (result.Outcome is EditOutcome.Invalid or EditOutcome.Conflict)
        {
            if (result.Outcome == EditOutcome.Invalid)
                Response.StatusCode = StatusCodes.Status400BadRequest;
            await ShowAsync(id, ct);
        }
        return this.Reply(result, _ =>
        {
            TempData["Status"] = T["アクションの状態を更新しました。"].Value;
            return Redirect($"/taskforces/{id}#action-{actionId}");
        });
    }

    /// <summary>False when there is no such task force or the user may not see it.</summary>
    private async Task<bool> ShowAsync(int id, CancellationToken ct)
    {
        var taskForce = await queries.FindAsync(id, ct);
        if (taskForce is null || !User.CanView(taskForce)) return false;
        TaskForce = taskForce;
        Today = TaskForceQueries.TodayInTokyo(clock.GetUtcNow().UtcDateTime);
        CanEdit = User.CanEdit(taskForce);
        return true;
    }
}
