using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.TaskForces;

[RequirePermission(TaskForcePermission.UpdateActionItems)]
public class OverdueModel(TaskForceQueries queries, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OverdueAction> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Today = TaskForceQueries.TodayInTokyo(now);
        Items = await queries.OverdueAsync(User, now, ct);
    }
}
