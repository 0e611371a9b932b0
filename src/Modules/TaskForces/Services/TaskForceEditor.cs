using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>
/// The module's use cases that write: a task force (with its members and working groups), a session (with its
/// decisions), an action item and its status, each checked (who may edit, one name per owning organisation, choices
/// that belong to the task force, a create form saved once, the version the form was rendered from) and saved. The
/// recipe step writes through it too. Stamps, the change log and cache eviction are the shared write pipeline's.
/// </summary>
public sealed class TaskForceEditor(
    PortalDbContext db, TaskForceQueries queries, OrganisationLookup organisations, FormSubmissions submissions, IStringLocalizer<Strings> T)
{
    public const string CreateTaskForceForm = "taskforces.create";
    public const string CreateSessionForm = "taskforces.session-create";
    public const string CreateActionForm = "taskforces.action-create";

    /// <summary>Creates (<paramref name="id"/> null, from a form sent once) or edits a task force.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> SaveTaskForceAsync(ClaimsPrincipal user, int? id, TaskForceInput input, bool inputIsValid, SentForm? sent,
        CancellationToken ct)
    {
        if (!user.HasPermission(TaskForcePermission.ManageTaskForces)) return EditResult.Forbidden;
        TaskForce? taskForce = null;
        if (id is not null)
        {
            taskForce = await db.Set<TaskForce>().Include(t => t.Members).Include(t => t.WorkingGroups).AsSplitQuery()
                .FirstOrDefaultAsync(t => t.Id == id, ct);
            if (taskForce is null) return EditResult.NotFound;
            if (!user.CanEdit(taskForce)) return EditResult.Forbidden;
        }
        var owner = taskForce is not null
            ? await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == taskForce.OwnerOrganisationId, ct)
            : await organisations.OfUserAsync(user, ct);
        // Administrators without an organisation cannot start one: a task force needs an owning organisation in a ward.
        if (owner?.WardId is not { } wardId)
            return EditResult.Invalid("", T["区に所属する組織の職員だけがタスクフォースを登録できます。"]);

        var errors = new List<FieldError>();
        if (taskForce is null && sent is not null && submissions.MissingKey(sent) is { } missingKey)
            errors.Add(missingKey);
        // One name per owning organisation, checked here for a clear message and kept by a unique index.
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await NameTakenAsync(owner.Id, name, id ?? 0, ct))
            errors.Add(NameTaken(name));
        var memberChoices = await queries.MemberChoicesAsync(owner.Id, ct);
        if (input.MemberIds.Any(memberId => memberChoices.All(o => o.Id != memberId)))
            errors.Add(new(nameof(input.MemberIds), T["メンバー組織は同じ区の組織から選んでください。"]));
        var groupNames = input.WorkingGroupNames();
        if (groupNames.Any(n => n.Length > WorkingGroup.NameMaxLength))
            errors.Add(new(nameof(input.WorkingGroups), T["ワーキンググループ名は1行200文字以内で入力してください。"]));
        if (groupNames.Count != groupNames.Distinct().Count())
            errors.Add(new(nameof(input.WorkingGroups), T["同じ名前のワーキンググループが重複しています。"]));
        if (taskForce is not null)
            errors.AddRange((await GroupsWithSessionsAsync(taskForce, groupNames, ct))
                .Select(group => new FieldError(nameof(input.WorkingGroups), T["ワーキンググループ「{0}」には会合の記録があるため削除できません。", group])));

        if (errors.Count > 0 || !inputIsValid)
            return await submissions.RefusedAsync(taskForce is null ? sent : null, CreateTaskForceForm, errors, ct);

        taskForce ??= new TaskForce { Name = "", WardId = wardId, OwnerOrganisationId = owner.Id };
        Apply(taskForce, input, groupNames);
        return await submissions.SaveOnceIfNewAsync(taskForce.Id == 0, sent, CreateTaskForceForm, () => SaveTaskForceAsync(taskForce, input.Version, ct), ct);
    }

    /// <summary>Records a new session of task force <paramref name="taskForceId"/> (<paramref name="id"/> null, from a form sent once) or edits one.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: nothing is saved.</param>
    public async Task<EditResult> SaveSessionAsync(ClaimsPrincipal user, int taskForceId, int? id, SessionInput input, bool inputIsValid,
        SentForm? sent, CancellationToken ct)
    {
        var taskForce = await queries.FindWithGroupsAsync(taskForceId, ct);
        if (taskForce is null) return EditResult.NotFound;
        if (!user.CanEdit(taskForce)) return EditResult.Forbidden;
        TaskForceSession? session = null;
        if (id is not null)
        {
            session = await db.Set<TaskForceSession>().Include(s => s.Decisions).FirstOrDefaultAsync(s => s.Id == id && s.TaskForceId == taskForceId, ct);
            if (session is null) return EditResult.NotFound;
        }

        var errors = new List<FieldError>();
        if (input.WorkingGroupId is { } groupId && taskForce.WorkingGroups.All(g => g.Id != groupId))
            errors.Add(new(nameof(input.WorkingGroupId), T["ワーキンググループの値が正しくありません。"]));
        var decisions = input.DecisionLines();
        if (decisions.Any(d => d.Length > Decision.TextMaxLength))
            errors.Add(new(nameof(input.Decisions), T["決定事項は1行1000文字以内で入力してください。"]));
        if (session is null && sent is not null && submissions.MissingKey(sent) is { } missingKey)
            errors.Add(missingKey);
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        session ??= new TaskForceSession { TaskForceId = taskForceId };
        Apply(session, input, decisions);
        return await submissions.SaveOnceIfNewAsync(session.Id == 0, sent, CreateSessionForm, () => SaveSessionAsync(session, input.Version, ct), ct);
    }

    /// <summary>Adds an action item to task force <paramref name="taskForceId"/> (<paramref name="id"/> null, from a form sent once) or edits one.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: nothing is saved.</param>
    public async Task<EditResult> SaveActionAsync(ClaimsPrincipal user, int taskForceId, int? id, ActionInput input, bool inputIsValid,
        SentForm? sent, CancellationToken ct)
    {
        var taskForce = await queries.FindWithMembersAndDecisionsAsync(taskForceId, ct);
        if (taskForce is null) return EditResult.NotFound;
        if (!user.CanEdit(taskForce)) return EditResult.Forbidden;
        ActionItem? item = null;
        if (id is not null)
        {
            item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == id && a.TaskForceId == taskForceId, ct);
            if (item is null) return EditResult.NotFound;
        }

        var errors = new List<FieldError>();
        if (input.OwnerOrganisationId is { } ownerId && taskForce.Members.All(m => m.OrganisationId != ownerId))
            errors.Add(new(nameof(input.OwnerOrganisationId), T["担当組織はメンバー組織から選んでください。"]));
        if (!ActionStatusLabels.All.Contains(input.Status))
            errors.Add(new(nameof(input.Status), T["状態の値が正しくありません。"]));
        var decision = TaskForceQueries.DecisionChoices(taskForce).FirstOrDefault(c => c.Decision.Id == input.DecisionId);
        if (input.DecisionId is not null && decision.Decision is null)
            errors.Add(new(nameof(input.DecisionId), T["関連する決定事項の値が正しくありません。"]));
        if (item is null && sent is not null && submissions.MissingKey(sent) is { } missingKey)
            errors.Add(missingKey);
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        item ??= new ActionItem { Description = "", TaskForceId = taskForceId };
        item.Description = input.Description.Trim();
        item.OwnerOrganisationId = input.OwnerOrganisationId!.Value;
        item.DueDate = input.DueDate!.Value;
        item.Status = input.Status;
        item.DecisionId = decision.Decision?.Id;
        item.SessionId = decision.Session?.Id;
        return await submissions.SaveOnceIfNewAsync(item.Id == 0, sent, CreateActionForm, () => SaveActionItemAsync(item, input.Version, ct), ct);
    }

    /// <summary>
    /// Sets the status of action item <paramref name="actionId"/>, from the form next to it on the task-force page: by the
    /// task force's editors and by staff of the organisation the item is assigned to.
    /// </summary>
    public async Task<EditResult> ChangeActionStatusAsync(ClaimsPrincipal user, int taskForceId, int actionId, ActionStatus? status, Guid version,
        CancellationToken ct)
    {
        var taskForce = await queries.FindWithGroupsAsync(taskForceId, ct);
        if (taskForce is null || !user.CanView(taskForce)) return EditResult.NotFound;
        var item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == actionId && a.TaskForceId == taskForceId, ct);
        if (item is null) return EditResult.NotFound;
        if (!user.CanUpdateStatus(taskForce, item)) return EditResult.Forbidden;
        if (status is not { } newStatus || !ActionStatusLabels.All.Contains(newStatus))
            return EditResult.Invalid("", T["状態の値が正しくありません。"]);
        // Already so (the same change sent twice, or by two people): nothing to save, nothing to refuse.
        if (item.Status == newStatus)
            return EditResult.Saved(item.Id);
        item.Status = newStatus;
        return await SaveActionItemAsync(item, version, ct);
    }

    /// <summary>
    /// Adds a recipe's task force with its members, working groups, sessions and action items, unless one of that name is
    /// in its ward already (then false: it is left as it is).
    /// </summary>
    public Task<bool> ImportTaskForceAsync(TaskForce taskForce, CancellationToken ct) =>
        db.ImportUnlessPresentAsync(taskForce, () => db.Set<TaskForce>().AnyAsync(t => t.WardId == taskForce.WardId && t.Name == taskForce.Name, ct), ct);

    /// <summary>A new row is saved once however often its rendered create form is sent; an edit is saved as it comes.</summary>
    private Task<EditResult> SaveTaskForceAsync(TaskForce taskForce, Guid expectedVersion, CancellationToken ct) =>
        db.SaveEditAsync(taskForce, expectedVersion,
            T["このタスクフォースは他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"], ct,
            // The same name saved at the same moment (a double click, another editor): the unique index kept the other.
            taken: () => NameTakenAsync(taskForce.OwnerOrganisationId, taskForce.Name, taskForce.Id, ct),
            takenError: NameTaken(taskForce.Name));

    /// <summary>Saves a session with its decisions; its version is checked (and moves on) even when only decisions changed.</summary>
    private Task<EditResult> SaveSessionAsync(TaskForceSession session, Guid expectedVersion, CancellationToken ct) =>
        db.SaveEditAsync(session, expectedVersion, T["この会合の記録は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"], ct);

    private Task<EditResult> SaveActionItemAsync(ActionItem item, Guid expectedVersion, CancellationToken ct) =>
        db.SaveEditAsync(item, expectedVersion, T["このアクションは他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"], ct);

    private static void Apply(TaskForce taskForce, TaskForceInput input, List<string> groupNames)
    {
        taskForce.Name = input.Name.Trim();
        taskForce.Description = input.Description?.Trim() ?? "";
        taskForce.IsPublic = input.IsPublic;
        var memberIds = input.MemberIds.Append(taskForce.OwnerOrganisationId).Distinct().ToList();
        taskForce.Members.RemoveAll(m => !memberIds.Contains(m.OrganisationId));
        taskForce.Members.AddRange(memberIds.Where(id => taskForce.Members.All(m => m.OrganisationId != id)).Select(id => new TaskForceMember { OrganisationId = id }));
        taskForce.WorkingGroups.RemoveAll(g => !groupNames.Contains(g.Name));
        taskForce.WorkingGroups.AddRange(groupNames.Where(n => taskForce.WorkingGroups.All(g => g.Name != n)).Select(n => new WorkingGroup { Name = n }));
    }

    private static void Apply(TaskForceSession session, SessionInput input, List<string> decisions)
    {
        session.StartUtc = TokyoTime.ToUtc(input.Start!.Value);
        session.WorkingGroupId = input.WorkingGroupId;
        session.Attendees = input.Attendees?.Trim() ?? "";
        session.Summary = input.Summary?.Trim() ?? "";
        // Decisions keep their number (and the action items linked to it) while their line stays in place.
        for (var i = 0; i < decisions.Count; i++)
        {
            var existing = session.Decisions.FirstOrDefault(d => d.Number == i + 1);
            if (existing is null) session.Decisions.Add(new Decision { Number = i + 1, Text = decisions[i] });
            else existing.Text = decisions[i];
        }
        session.Decisions.RemoveAll(d => d.Number > decisions.Count);
    }

    /// <summary>The names of the working groups the edit would remove that have sessions recorded (so cannot go).</summary>
    private async Task<List<string>> GroupsWithSessionsAsync(TaskForce taskForce, List<string> groupNames, CancellationToken ct)
    {
        var removed = taskForce.WorkingGroups.Where(g => !groupNames.Contains(g.Name)).Select(g => g.Id).ToList();
        return await db.Set<TaskForceSession>().Where(s => s.WorkingGroupId != null && removed.Contains(s.WorkingGroupId.Value))
            .Select(s => s.WorkingGroup!.Name).Distinct().ToListAsync(ct);
    }

    private Task<bool> NameTakenAsync(int ownerOrganisationId, string name, int exceptId, CancellationToken ct) =>
        db.Set<TaskForce>().AnyAsync(t => t.OwnerOrganisationId == ownerOrganisationId && t.Name == name && t.Id != exceptId, ct);

    private FieldError NameTaken(string name) => new(nameof(TaskForceInput.Name), T["「{0}」という名前のタスクフォースがすでにあります。", name]);
}
