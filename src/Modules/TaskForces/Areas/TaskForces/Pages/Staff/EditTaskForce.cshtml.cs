using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Pages.Staff;

public sealed class TaskForceInput
{
    [Display(Name = "名称")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string Name { get; set; } = "";

    [Display(Name = "概要")]
    [StringLength(2000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Description { get; set; }

    [Display(Name = "メンバー組織")]
    public List<int> MemberIds { get; set; } = [];

    [Display(Name = "ワーキンググループ")]
    [StringLength(4000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? WorkingGroups { get; set; }

    [Display(Name = "一般に公開する")]
    public bool IsPublic { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Staff with ManageTaskForces create task forces owned by their organisation, in its ward.</summary>
[RequirePermission(TaskForcePermission.ManageTaskForces)]
public class EditTaskForceModel(
    PortalDbContext db, TaskForceEditor editor, OrganisationLookup organisations, FormSubmissions submissions, IStringLocalizer<Strings> T) : PageModel
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
            var taskForce = await Load(id.Value).AsNoTracking().FirstOrDefaultAsync(ct);
            if (taskForce is null) return NotFound();
            if (!User.CanEdit(taskForce)) return Forbid();
            ownerId = taskForce.OwnerOrganisationId;
            Input = new TaskForceInput
            {
                Name = taskForce.Name, Description = taskForce.Description, IsPublic = taskForce.IsPublic, Version = taskForce.Version,
                MemberIds = taskForce.Members.Select(m => m.OrganisationId).ToList(),
                WorkingGroups = string.Join('\n', taskForce.WorkingGroups.OrderBy(g => g.Id).Select(g => g.Name)),
            };
        }
        else
        {
            ownerId = User.OrganisationIdOf() ?? 0;
            Input.IsPublic = true;
        }
        await LoadChoicesAsync(ownerId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        TaskForce? taskForce = null;
        if (id is not null)
        {
            taskForce = await Load(id.Value).FirstOrDefaultAsync(ct);
            if (taskForce is null) return NotFound();
            if (!User.CanEdit(taskForce)) return Forbid();
        }
        var owner = taskForce is not null
            ? await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == taskForce.OwnerOrganisationId, ct)
            : await organisations.OfUserAsync(User, ct);
        if (owner?.WardId is null)
        {
            // Administrators without an organisation cannot start one: a task force needs an owning organisation in a ward.
            ModelState.AddModelError("", T["区に所属する組織の職員だけがタスクフォースを登録できます。"]);
            return Page();
        }
        await LoadChoicesAsync(owner.Id, ct);

        // A new task force: this rendered form saves once however often (or however simultaneously) it is sent.
        var key = taskForce is null ? submissions.KeyOf(this) : null;

        // One name per owning organisation, checked here for a clear message and kept by a unique index.
        var taskForceName = Input.Name?.Trim() ?? "";
        if (taskForceName.Length > 0
            && await db.Set<TaskForce>().AnyAsync(t => t.OwnerOrganisationId == owner.Id && t.Name == taskForceName && t.Id != (id ?? 0), ct))
            NameTaken(taskForceName);
        if (Input.MemberIds.Any(mid => MemberChoices.All(o => o.Id != mid)))
            ModelState.AddModelError("Input.MemberIds", T["メンバー組織は同じ区の組織から選んでください。"]);
        var groupNames = (Input.WorkingGroups ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (groupNames.Any(n => n.Length > 200))
            ModelState.AddModelError("Input.WorkingGroups", T["ワーキンググループ名は1行200文字以内で入力してください。"]);
        if (groupNames.Count != groupNames.Distinct().Count())
            ModelState.AddModelError("Input.WorkingGroups", T["同じ名前のワーキンググループが重複しています。"]);
        if (taskForce is not null)
        {
            var removed = taskForce.WorkingGroups.Where(g => !groupNames.Contains(g.Name)).Select(g => g.Id).ToList();
            var used = await db.Set<TaskForceSession>().Where(s => s.WorkingGroupId != null && removed.Contains(s.WorkingGroupId.Value))
                .Select(s => s.WorkingGroup!.Name).Distinct().ToListAsync(ct);
            foreach (var name in used)
                ModelState.AddModelError("Input.WorkingGroups", T["ワーキンググループ「{0}」には会合の記録があるため削除できません。", name]);
        }
        if (!ModelState.IsValid)
        {
            // The name "taken" may be this user's own task force, saved by an earlier (or a simultaneous) send of this form.
            if (key is not null && await submissions.EarlierAsync(this, CreateForm, key.Value, ct) is { IsSaved: true } earlier)
                return Saved(earlier.Result);
            return Page();
        }

        taskForce ??= new TaskForce { Name = "", WardId = owner.WardId.Value, OwnerOrganisationId = owner.Id };
        taskForce.Name = Input.Name.Trim();
        taskForce.Description = Input.Description?.Trim() ?? "";
        taskForce.IsPublic = Input.IsPublic;
        var memberIds = Input.MemberIds.Append(owner.Id).Distinct().ToList();
        taskForce.Members.RemoveAll(m => !memberIds.Contains(m.OrganisationId));
        taskForce.Members.AddRange(memberIds.Where(mid => taskForce.Members.All(m => m.OrganisationId != mid)).Select(mid => new TaskForceMember { OrganisationId = mid }));
        taskForce.WorkingGroups.RemoveAll(g => !groupNames.Contains(g.Name));
        taskForce.WorkingGroups.AddRange(groupNames.Where(n => taskForce.WorkingGroups.All(g => g.Name != n)).Select(n => new WorkingGroup { Name = n }));

        if (key is not null)
        {
            var submission = await submissions.SaveOnceAsync(this, CreateForm, key.Value, async () =>
                await editor.SaveTaskForceAsync(taskForce, Input.Version, User.Identity!.Name!, ct) == SaveOutcome.Saved
                    ? taskForce.Id.ToString(CultureInfo.InvariantCulture) : null, ct);
            if (submission.IsSaved)
                return Saved(submission.Result);
            if (submission.Outcome == SubmissionOutcome.NotSaved)
                NameTaken(taskForce.Name); // another form took the name at the same moment
            return Page();
        }

        var outcome = await editor.SaveTaskForceAsync(taskForce, Input.Version, User.Identity!.Name!, ct);
        if (outcome == SaveOutcome.NameTaken)
        {
            // The same name saved at the same moment (a double click, another editor): the unique index kept the other.
            NameTaken(taskForce.Name);
            return Page();
        }
        if (outcome == SaveOutcome.Conflict)
        {
            ModelState.AddModelError("", T["このタスクフォースは他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Saved(taskForce.Id.ToString(CultureInfo.InvariantCulture));
    }

    private const string CreateForm = "taskforces.create";

    private RedirectResult Saved(string taskForceId)
    {
        TempData["Status"] = T["タスクフォースを保存しました。"].Value;
        return Redirect($"/taskforces/{taskForceId}");
    }

    private void NameTaken(string name) =>
        ModelState.AddModelError("Input.Name", T["「{0}」という名前のタスクフォースがすでにあります。", name]);

    private IQueryable<TaskForce> Load(int id) =>
        db.Set<TaskForce>().Include(t => t.Members).Include(t => t.WorkingGroups).AsSplitQuery().Where(t => t.Id == id);

    private async Task LoadChoicesAsync(int ownerId, CancellationToken ct)
    {
        var wardId = await db.Organisations.Where(o => o.Id == ownerId).Select(o => o.WardId).FirstOrDefaultAsync(ct);
        MemberChoices = await db.Organisations.AsNoTracking()
            .Where(o => (wardId != null && o.WardId == wardId) || (o.Kind == OrganisationKind.IntermediarySupport && o.WardId == null))
            .OrderBy(o => o.Kind).ThenBy(o => o.Id).ToListAsync(ct);
    }
}
