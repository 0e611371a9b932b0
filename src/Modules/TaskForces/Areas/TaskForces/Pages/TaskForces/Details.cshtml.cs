using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.TaskForces;

public class DetailsModel(TaskForceQueries queries, PortalDbContext db, TaskForceEditor editor, TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    public TaskForce TaskForce { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var taskForce = await queries.FindAsync(id, ct);
        if (taskForce is null || !User.CanView(taskForce)) return NotFound();
        await ShowAsync(taskForce, ct);
        return Page();
    }

    /// <summary>Status change of one action item, from the form next to it.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, int actionId, ActionStatus? status, Guid version, CancellationToken ct)
    {
        var taskForce = await queries.FindAsync(id, ct);
        if (taskForce is null || !User.CanView(taskForce)) return NotFound();
        var item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == actionId && a.TaskForceId == id, ct);
        if (item is null) return NotFound();
        if (!User.CanUpdateStatus(taskForce, item)) return Forbid();

        if (status is not { } newStatus || !ActionStatusLabels.All.Contains(newStatus))
        {
            ModelState.AddModelError("", T["状態の値が正しくありません。"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (item.Status == newStatus)
        {
            // Already so (the same change sent twice, or by two people): nothing to save, nothing to refuse.
            TempData["Status"] = T["アクションの状態を更新しました。"].Value;
            return Redirect($"/taskforces/{id}#action-{actionId}");
        }
        else
        {
            item.Status = newStatus;
            if (await editor.SaveActionItemAsync(item, version, User.Identity!.Name!, ct) == SaveOutcome.Conflict)
            {
                ModelState.AddModelError("", T["このアクションは他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                TempData["Status"] = T["アクションの状態を更新しました。"].Value;
                return Redirect($"/taskforces/{id}#action-{actionId}");
            }
        }
        db.ChangeTracker.Clear();
        await ShowAsync((await queries.FindAsync(id, ct))!, ct);
        return Page();
    }

    private Task ShowAsync(TaskForce taskForce, CancellationToken ct)
    {
        TaskForce = taskForce;
        Today = TaskForceQueries.TodayInTokyo(clock.GetUtcNow().UtcDateTime);
        CanEdit = User.CanEdit(taskForce);
        return Task.CompletedTask;
    }
}
