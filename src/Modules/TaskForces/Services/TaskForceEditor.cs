using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>The write side: audit stamps and the optimistic-concurrency check on task forces, sessions and action items.</summary>
public sealed class TaskForceEditor(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Saves a tracked (or new) task force and whatever else the caller changed with it (working groups, sessions).</summary>
    public async Task<SaveOutcome> SaveTaskForceAsync(TaskForce taskForce, Guid expectedVersion, string editor, CancellationToken ct)
    {
        if (taskForce.Id == 0) db.Add(taskForce);
        else db.Entry(taskForce).Property(t => t.Version).OriginalValue = expectedVersion;
        taskForce.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        taskForce.ModifiedBy = editor;
        var id = taskForce.Id;
        try
        {
            // One name per owning organisation, kept by the unique index even when two saves check it at the same moment.
            var saved = await db.SaveUnlessTakenAsync(() => db.Set<TaskForce>()
                .AnyAsync(t => t.OwnerOrganisationId == taskForce.OwnerOrganisationId && t.Name == taskForce.Name && t.Id != id, ct), ct);
            return saved ? SaveOutcome.Saved : SaveOutcome.NameTaken;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
    }

    /// <summary>Saves a tracked (or new) session with its decisions; the row is marked changed even when only decisions
    /// changed, so that its version is checked and the task force is re-indexed.</summary>
    public Task<SaveOutcome> SaveSessionAsync(TaskForceSession session, Guid expectedVersion, CancellationToken ct)
    {
        if (session.Id == 0) db.Add(session);
        else
        {
            db.Entry(session).State = EntityState.Modified;
            db.Entry(session).Property(s => s.Version).OriginalValue = expectedVersion;
        }
        return SaveAsync(ct);
    }

    public Task<SaveOutcome> SaveActionItemAsync(ActionItem item, Guid expectedVersion, string editor, CancellationToken ct)
    {
        if (item.Id == 0) db.Add(item);
        else db.Entry(item).Property(a => a.Version).OriginalValue = expectedVersion;
        item.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        item.ModifiedBy = editor;
        return SaveAsync(ct);
    }

    private async Task<SaveOutcome> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
    }
}
