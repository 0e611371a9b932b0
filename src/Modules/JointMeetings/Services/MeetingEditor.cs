using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>
/// The write side: audit stamps, the iCalendar sequence, sanitised minutes with revisions, and the optimistic-concurrency
/// check (the caller passes the version its form was rendered from; a newer one in the database is a conflict).
/// </summary>
public sealed class MeetingEditor(PortalDbContext db, RichText richText, TimeProvider clock)
{
    /// <summary>Saves a tracked (or new) meeting whose fields the caller has already set.</summary>
    public async Task<SaveOutcome> SaveMeetingAsync(Meeting meeting, Guid expectedVersion, string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (meeting.Id == 0)
        {
            meeting.CreatedUtc = now;
            meeting.CreatedBy = editor;
            db.Add(meeting);
        }
        else
        {
            var entry = db.Entry(meeting);
            entry.Property(m => m.Version).OriginalValue = expectedVersion;
            if (Changed(entry, m => m.StartUtc) || Changed(entry, m => m.EndUtc) || Changed(entry, m => m.Place) || Changed(entry, m => m.OnlineUrl))
                meeting.Sequence++;
        }
        meeting.ModifiedUtc = now;
        meeting.ModifiedBy = editor;
        return await SaveAsync(ct);
    }

    /// <summary>Saves the minutes of a meeting (creating them on first save) and records the revision in the same save.</summary>
    public async Task<SaveOutcome> SaveMinutesAsync(
        Meeting meeting, Guid expectedVersion, string bodyHtml, MinutesStatus status, string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = meeting.Minutes;
        if (minutes is null)
        {
            // A form rendered before anyone wrote minutes carries an empty version; someone else creating them first is a conflict.
            if (expectedVersion != Guid.Empty) return SaveOutcome.Conflict;
            minutes = new MeetingMinutes { MeetingId = meeting.Id };
            db.Add(minutes);
        }
        else
        {
            db.Entry(minutes).Property(m => m.Version).OriginalValue = expectedVersion;
        }

        if (status == MinutesStatus.Published)
            minutes.FirstPublishedUtc ??= now;
        minutes.Body = richText.Sanitize(bodyHtml);
        minutes.Status = status;
        minutes.ModifiedUtc = now;
        minutes.ModifiedBy = editor;

        var lastNumber = minutes.Id == 0
            ? 0
            : await db.Set<MinutesRevision>().Where(r => r.MinutesId == minutes.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        minutes.Revisions.Add(new MinutesRevision { Number = lastNumber + 1, Body = minutes.Body, Status = status, EditedUtc = now, EditedBy = editor });
        try
        {
            return await SaveAsync(ct);
        }
        catch (DbUpdateException) when (minutes.Id == 0)
        {
            // The unique index on MeetingId: another editor created the minutes at the same moment.
            return SaveOutcome.Conflict;
        }
    }

    private static bool Changed<T>(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Meeting> entry, System.Linq.Expressions.Expression<Func<Meeting, T>> property)
    {
        var p = entry.Property(property);
        return !EqualityComparer<T>.Default.Equals(p.OriginalValue, p.CurrentValue);
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
