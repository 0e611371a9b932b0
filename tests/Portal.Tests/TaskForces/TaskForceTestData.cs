using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TaskForces;

public static class TaskForceTestData
{
    public const string KitaTaskForce = "地域力強化タスクフォース";

    /// <summary>Today in Tokyo as the site's clock has it.</summary>
    public static DateOnly Today(PortalTestHost host) => TaskForceQueries.TodayInTokyo(host.UtcNow);

    public static async Task<TaskForce> FindAsync(PortalTestHost host, string name = KitaTaskForce)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<TaskForce>().AsNoTracking()
            .Include(t => t.Members).Include(t => t.WorkingGroups).Include(t => t.ActionItems)
            .AsSplitQuery().SingleAsync(t => t.Name == name);
    }

    public static async Task<ActionItem> ActionAsync(PortalTestHost host, int id)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ActionItem>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public static async Task<int> OrganisationIdAsync(PortalTestHost host, string key)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Organisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Adds an action item to a task force, due relative to today in Tokyo so tests do not age.</summary>
    public static async Task<int> AddActionAsync(PortalTestHost host, int taskForceId, string description, string ownerKey, int dueInDays, ActionStatus status = ActionStatus.Open)
    {
        var ownerId = await OrganisationIdAsync(host, ownerKey);
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var item = new ActionItem { TaskForceId = taskForceId, Description = description, OwnerOrganisationId = ownerId, DueDate = Today(host).AddDays(dueInDays), Status = status };
        db.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }
}
