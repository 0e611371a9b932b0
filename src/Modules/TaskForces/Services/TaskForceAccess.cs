using System.Security.Claims;
using Portal.Core.Security;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>Who may see and change task forces and action items; every page asks here.</summary>
public static class TaskForceAccess
{
    public static bool CanEdit(this ClaimsPrincipal user, TaskForce taskForce) =>
        user.CanManage(TaskForcePermission.ManageTaskForces, taskForce.OwnerOrganisationId);

    /// <summary>Needs Members loaded.</summary>
    public static bool CanView(this ClaimsPrincipal user, TaskForce taskForce) =>
        taskForce.IsPublic || user.IsAdministrator() || user.IsMemberOf(taskForce);

    public static bool IsMemberOf(this ClaimsPrincipal user, TaskForce taskForce) =>
        user.OrganisationIdOf() is { } organisationId
        && (taskForce.OwnerOrganisationId == organisationId || taskForce.Members.Any(m => m.OrganisationId == organisationId));

    /// <summary>The task force's editors, and staff of the organisation the item is assigned to.</summary>
    public static bool CanUpdateStatus(this ClaimsPrincipal user, TaskForce taskForce, ActionItem item) =>
        user.CanEdit(taskForce) || user.CanManage(TaskForcePermission.UpdateActionItems, item.OwnerOrganisationId);
}
