using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Editing;

/// <summary>The save an editor ends with: optimistic concurrency, unique names, and the result a page maps.</summary>
public static class VersionedSaves
{
    /// <summary>
    /// Saves <paramref name="row"/> (added when new) and what else is tracked, if the row is still at
    /// <paramref name="expectedVersion"/>, the version its form was rendered from. A newer one in the database is a
    /// conflict: nothing is saved, and the result says who saved the row and when. With <paramref name="taken"/>, a
    /// unique index guards the save; its refusal is <paramref name="takenError"/>.
    /// </summary>
    public static async Task<EditResult> SaveEditAsync<T>(this PortalDbContext db, T row, Guid expectedVersion, string conflictMessage,
        CancellationToken ct, Func<Task<bool>>? taken = null, FieldError? takenError = null)
        where T : class, ILastModified
    {
        var entry = db.Entry(row);
        if (entry.State == EntityState.Detached)
            db.Add(row);
        else if (entry.State != EntityState.Added)
            entry.Property<Guid>(nameof(IVersioned.Version)).OriginalValue = expectedVersion;
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
                : EditResult.Conflicted(new EditConflict(current.ModifiedBy, current.ModifiedUtc, current.Version, conflictMessage));
        }
    }
}
