using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Editing;

/// <summary>The save an editor ends with: optimistic concurrency, unique names, and the result a page maps.</summary>
public static class VersionedSaves
{
    /// <summary>
    /// Saves <paramref name="row"/> (added when new) and what else is tracked, if the row is still at
    /// <paramref name="expectedVersion"/>, the version its form was rendered from. A newer one in the database is a
    /// conflict: nothing is saved, and the result says who saved the row and when (a <see cref="ModifiedEntity"/>; other
    /// rows do not record it, and the conflict names no one). With <paramref name="taken"/>, a
    /// unique index guards the save; its refusal is <paramref name="takenError"/>.
    /// </summary>
    public static async Task<EditResult> SaveEditAsync<T>(this PortalDbContext db, T row, Guid expectedVersion, string conflictMessage,
        CancellationToken ct, Func<Task<bool>>? taken = null, FieldError? takenError = null)
        where T : class, IVersioned
    {
        var entry = db.Entry(row);
        if (entry.State == EntityState.Detached)
            db.Add(row);
        else if (entry.State != EntityState.Added)
        {
            // Every save of an edit form is a change of its row, even when only what hangs off it changed (wards,
            // members, a note) or nothing did: the version is checked and moves on, the edit is stamped and re-indexed.
            if (entry.State == EntityState.Unchanged)
                entry.State = EntityState.Modified;
            entry.Property(nameof(IVersioned.Version)).OriginalValue = expectedVersion;
        }
        var id = entry.Property<int>("Id").CurrentValue;
        try
        {
            if (taken is null)
                await db.SaveChangesAsync(ct);
            else if (!await db.SaveUnlessTakenAsync(taken, ct))
                return EditResult.Invalid([takenError ?? throw new ArgumentNullException(nameof(takenError))]);
            return EditResult.Saved(entry.Property<int>("Id").CurrentValue);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(r => EF.Property<int>(r, "Id") == id, ct);
            return current is null
                ? EditResult.NotFound
                : EditResult.Conflicted(current is ModifiedEntity modified
                    ? new EditConflict(modified.ModifiedBy, modified.ModifiedUtc, current.Version, conflictMessage)
                    : new EditConflict("", default, current.Version, conflictMessage));
        }
    }
}
