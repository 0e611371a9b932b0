using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Services;

/// <summary>
/// The write side of the module: audit stamps, sanitising, revisions and the optimistic-concurrency check
/// (the caller passes the version its form was rendered from; a newer one in the database is a conflict).
/// </summary>
public sealed class CouncilEditor(PortalDbContext db, RichText richText, TimeProvider clock)
{
    public async Task<SaveOutcome> SaveCouncilAsync(DistrictCouncil council, Guid expectedVersion, string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (council.Id == 0)
        {
            council.CreatedUtc = now;
            council.CreatedBy = editor;
            db.Add(council);
        }
        else
        {
            db.Entry(council).Property(c => c.Version).OriginalValue = expectedVersion;
        }
        council.ModifiedUtc = now;
        council.ModifiedBy = editor;
        var id = council.Id;
        try
        {
            // One name per ward, kept by the unique index even when two saves check the name at the same moment.
            var saved = await db.SaveUnlessTakenAsync(
                () => db.Set<DistrictCouncil>().AnyAsync(c => c.WardId == council.WardId && c.Name == council.Name && c.Id != id, ct), ct);
            return saved ? SaveOutcome.Saved : SaveOutcome.NameTaken;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
    }

    /// <summary>Applies an edit to a tracked (or new) update and records the revision in the same save.</summary>
    public async Task<SaveOutcome> SaveUpdateAsync(
        CouncilUpdate update, Guid expectedVersion, string title, string bodyHtml, UpdateStatus status, string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (update.Id == 0)
        {
            update.CreatedUtc = now;
            update.CreatedBy = editor;
            db.Add(update);
        }
        else
        {
            db.Entry(update).Property(u => u.Version).OriginalValue = expectedVersion;
        }

        if (status == UpdateStatus.Published && update.Status != UpdateStatus.Published)
            update.PublishedUtc = now;
        update.Title = title.Trim();
        update.Body = richText.Sanitize(bodyHtml);
        update.Status = status;
        update.ModifiedUtc = now;
        update.ModifiedBy = editor;

        var lastNumber = update.Id == 0
            ? 0
            : await db.Set<CouncilUpdateRevision>().Where(r => r.UpdateId == update.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        update.Revisions.Add(new CouncilUpdateRevision
        {
            Number = lastNumber + 1,
            Title = update.Title,
            Body = update.Body,
            Status = status,
            EditedUtc = now,
            EditedBy = editor,
        });
        return await SaveAsync(ct);
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
