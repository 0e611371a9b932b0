using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Services;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Services;

/// <summary>
/// The write side of the module: audit stamps and the optimistic-concurrency check (the caller passes the version its
/// form was rendered from, <see cref="Guid.Empty"/> for "there was none"; anything newer in the database is a conflict).
/// </summary>
public sealed class SupportEditor(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Saves a tracked (or new) profile and makes its wards exactly <paramref name="wardIds"/>.</summary>
    public async Task<SaveOutcome> SaveProfileAsync(
        SupportProfile profile, Guid expectedVersion, IReadOnlyCollection<int> wardIds, string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (profile.Id == 0)
        {
            profile.CreatedUtc = now;
            profile.CreatedBy = editor;
            db.Add(profile);
        }
        else
        {
            db.Entry(profile).Property(p => p.Version).OriginalValue = expectedVersion;
        }
        profile.Wards.RemoveAll(w => !wardIds.Contains(w.WardId));
        foreach (var wardId in wardIds.Where(id => profile.Wards.All(w => w.WardId != id)))
            profile.Wards.Add(new SupportProfileWard { WardId = wardId });
        profile.ModifiedUtc = now;
        profile.ModifiedBy = editor;
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Records the council's choice for the year: inserts the year's row or updates it. Callers check beforehand that the
    /// user may edit the council and that the profile covers the council's ward.
    /// </summary>
    public async Task<SaveOutcome> RecordChoiceAsync(
        int councilId, int fiscalYear, int profileId, string reason, Guid expectedVersion, string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var choice = await db.Set<SupportChoice>().FirstOrDefaultAsync(c => c.CouncilId == councilId && c.FiscalYear == fiscalYear, ct);
        if (choice is not null && expectedVersion == Guid.Empty && choice.ProfileId == profileId && choice.Reason == reason.Trim())
            return SaveOutcome.Saved; // the same new choice sent twice: recorded the first time
        if (choice is null)
        {
            if (expectedVersion != Guid.Empty)
                return SaveOutcome.Conflict; // the row the form was based on has gone
            choice = new SupportChoice { CouncilId = councilId, FiscalYear = fiscalYear, CreatedUtc = now, CreatedBy = editor };
            db.Add(choice);
        }
        else
        {
            db.Entry(choice).Property(c => c.Version).OriginalValue = expectedVersion;
        }
        choice.ProfileId = profileId;
        choice.Reason = reason.Trim();
        choice.ModifiedUtc = now;
        choice.ModifiedBy = editor;

        var outcome = await SaveAsync(ct);
        if (outcome == SaveOutcome.Conflict)
            db.Entry(choice).State = EntityState.Detached;
        return outcome;
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
        catch (DbUpdateException) when (db.ChangeTracker.Entries<SupportChoice>().Any(e => e.State == EntityState.Added))
        {
            // Someone recorded the same council and year between our read and our insert: the unique index said no.
            return SaveOutcome.Conflict;
        }
    }
}
