using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

public sealed record OverdueAction(int Id, int TaskForceId, string TaskForceName, string Description, string OwnerName, DateOnly DueDate, ActionStatus Status);

public sealed class TaskForceQueries(PortalDbContext db)
{
    public static DateOnly TodayInTokyo(DateTime nowUtc) => DateOnly.FromDateTime(TokyoTime.ToTokyo(nowUtc));

    /// <summary>The same rule as <see cref="TaskForceAccess.CanView"/>, as a query filter.</summary>
    public IQueryable<TaskForce> VisibleTo(ClaimsPrincipal user)
    {
        var taskForces = db.Set<TaskForce>().AsNoTracking();
        if (user.IsAdministrator()) return taskForces;
        var organisationId = user.OrganisationIdOf() ?? -1;
        return taskForces.Where(t => t.IsPublic || t.OwnerOrganisationId == organisationId || t.Members.Any(m => m.OrganisationId == organisationId));
    }

    public Task<List<TaskForce>> ListAsync(ClaimsPrincipal user, CancellationToken ct) =>
        VisibleTo(user).Include(t => t.Ward).Include(t => t.OwnerOrganisation)
            .OrderBy(t => t.Ward!.SortOrder).ThenBy(t => t.Name).ThenBy(t => t.Id).Take(200).ToListAsync(ct);

    /// <summary>Everything the task-force page shows; callers check <see cref="TaskForceAccess.CanView"/>.</summary>
    public Task<TaskForce?> FindAsync(int id, CancellationToken ct) =>
        db.Set<TaskForce>().AsNoTracking().AsSplitQuery()
            .Include(t => t.Ward).Include(t => t.OwnerOrganisation)
            .Include(t => t.Members).ThenInclude(m => m.Organisation)
            .Include(t => t.WorkingGroups)
            .Include(t => t.Sessions).ThenInclude(s => s.Decisions)
            .Include(t => t.Sessions).ThenInclude(s => s.WorkingGroup)
            .Include(t => t.ActionItems).ThenInclude(a => a.OwnerOrganisation)
            .Include(t => t.ActionItems).ThenInclude(a => a.Decision)
            .FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>A task force with its members and working groups, for its edit form; callers check <see cref="TaskForceAccess.CanEdit"/>.</summary>
    public Task<TaskForce?> FindWithGroupsAsync(int id, CancellationToken ct) =>
        db.Set<TaskForce>().AsNoTracking().Include(t => t.Members).Include(t => t.WorkingGroups).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>A task force with its members (and their organisations) and its sessions' decisions, for the action form.</summary>
    public Task<TaskForce?> FindWithMembersAndDecisionsAsync(int id, CancellationToken ct) =>
        db.Set<TaskForce>().AsNoTracking().AsSplitQuery()
            .Include(t => t.Members).ThenInclude(m => m.Organisation)
            .Include(t => t.Sessions).ThenInclude(s => s.Decisions)
            .FirstOrDefaultAsync(t => t.Id == id, ct);

    public Task<int?> OwnerIdAsync(int taskForceId, CancellationToken ct) =>
        db.Set<TaskForce>().Where(t => t.Id == taskForceId).Select(t => (int?)t.OwnerOrganisationId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The organisations a task force may have as members: those in its owner's ward, and the intermediary support
    /// organisations that belong to no ward.
    /// </summary>
    public async Task<List<Organisation>> MemberChoicesAsync(int ownerOrganisationId, CancellationToken ct)
    {
        var wardId = await db.Organisations.Where(o => o.Id == ownerOrganisationId).Select(o => o.WardId).FirstOrDefaultAsync(ct);
        return await db.Organisations.AsNoTracking()
            .Where(o => (wardId != null && o.WardId == wardId) || (o.Kind == OrganisationKind.IntermediarySupport && o.WardId == null))
            .OrderBy(o => o.Kind).ThenBy(o => o.Id).ToListAsync(ct);
    }

    /// <summary>A session of the task force with its decisions.</summary>
    public Task<TaskForceSession?> FindSessionAsync(int taskForceId, int id, CancellationToken ct) =>
        db.Set<TaskForceSession>().AsNoTracking().Include(s => s.Decisions).FirstOrDefaultAsync(s => s.Id == id && s.TaskForceId == taskForceId, ct);

    /// <summary>An action item of the task force.</summary>
    public Task<ActionItem?> FindActionAsync(int taskForceId, int id, CancellationToken ct) =>
        db.Set<ActionItem>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.TaskForceId == taskForceId, ct);

    /// <summary>The decisions an action item may follow from, oldest session first. Needs Sessions and their Decisions loaded.</summary>
    public static IReadOnlyList<(TaskForceSession Session, Decision Decision)> DecisionChoices(TaskForce taskForce) =>
        taskForce.Sessions.OrderBy(s => s.StartUtc).SelectMany(s => s.Decisions.OrderBy(d => d.Number).Select(d => (s, d))).ToList();

    /// <summary>Overdue items the user should chase: all for administrators, otherwise those of task forces the user's
    /// organisation runs or belongs to, and those assigned to it. Oldest due date first.</summary>
    public Task<List<OverdueAction>> OverdueAsync(ClaimsPrincipal user, DateTime nowUtc, CancellationToken ct)
    {
        var today = TodayInTokyo(nowUtc);
        var items = db.Set<ActionItem>().AsNoTracking().Where(a => a.Status != ActionStatus.Done && a.DueDate < today);
        if (!user.IsAdministrator())
        {
            var organisationId = user.OrganisationIdOf() ?? -1;
            items = items.Where(a => a.OwnerOrganisationId == organisationId
                || a.TaskForce!.OwnerOrganisationId == organisationId
                || a.TaskForce.Members.Any(m => m.OrganisationId == organisationId));
        }
        return items.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(500)
            .Select(a => new OverdueAction(a.Id, a.TaskForceId, a.TaskForce!.Name, a.Description, a.OwnerOrganisation!.Name, a.DueDate, a.Status))
            .ToListAsync(ct);
    }
}
