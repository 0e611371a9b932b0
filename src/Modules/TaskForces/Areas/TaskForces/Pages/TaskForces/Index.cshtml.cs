using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.TaskForces;

public class IndexModel(TaskForceQueries queries) : PageModel
{
    public IReadOnlyList<TaskForce> TaskForces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => TaskForces = await queries.ListAsync(User, ct);
}
