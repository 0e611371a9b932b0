using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.Staff;

/// <summary>Staff with ManageTaskForces create task forces owned by their organisation, in its ward.</summary>
[RequirePermission(TaskForcePermission.ManageTaskForces)]
public class EditTaskForceModel(TaskForceQueries queries, TaskForceEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public TaskForceInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Organisation> MemberChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        int ownerId;
        if (id is not null)
        {
            var taskForce = await queries.FindWithGroupsAsync(id.Value, ct);
            if (taskForce is null) return NotFound();
            if (!User.CanEdit(taskForce)) return Forbid();
            ownerId = taskForce.OwnerOrganisationId;
            Input = TaskForceInput.From(taskForce);
        }
        else
        {
            ownerId = User.OrganisationIdOf() ?? 0;
            Input.IsPublic = true;
        }
        MemberChoices = await queries.MemberChoicesAsync(ownerId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = await editor.SaveTaskForceAsync(User, id, Input, ModelState.IsValid, id is null ? SentForm.Of(this) : null, ct);
        if (!result.IsSaved)
        {
            var ownerId = id is null ? User.OrganisationIdOf() : await queries.OwnerIdAsync(id.Value, ct);
            MemberChoices = await queries.MemberChoicesAsync(ownerId ?? 0, ct);
        }
        return this.Reply(result, saved =>
        {
            TempData["Status"] = T["タスクフォースを保存しました。"].Value;
            return Redirect($"/taskforces/{saved.Id}");
        }, version => Input.Version = version);
    }
}
