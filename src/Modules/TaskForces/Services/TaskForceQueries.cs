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
