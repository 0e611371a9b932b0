using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>What the ward office decided on an item in one save of the handling form.</summary>
public sealed record HandlingChange(
    VoiceCategory Category, VoiceStatus Status, string Note, string Response, bool IsPublic);

/// <summary>
/// The write side of the module: routing on create, re-routing on a category change, history rows, response publication,
/// audit stamps and the optimistic-concurrency check (the caller passes the version its form was rendered from).
/// </summary>
public sealed class VoiceEditor(PortalDbContext db, VoiceRouter router, TimeProvider clock)
{
    public const string Unassigned = "未割当";

    /// <summary>Adds a new item in the initial status, routed by the table, with its "received" history row.</summary>
    public async Task<SaveOutcome> CreateAsync(VoiceItem item, string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var initial = await db.Set<VoiceStatus>().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).FirstAsync(ct);
        var department = await router.DepartmentForAsync(item.CategoryId, item.WardId, ct);
        item.StatusId = initial.Id;
        item.DepartmentId = department?.Id;
        item.CreatedUtc = item.ModifiedUtc = now;
        item.CreatedBy = item.ModifiedBy = editor;
        item.History.Add(new VoiceItemHistory
        {
            Kind = VoiceHistoryKind.Received, To = department?.Name ?? Unassigned,
            ChangedUtc = now, ChangedBy = editor,
        });
        db.Add(item);
        return await SaveAsync(ct);
    }

    /// <summary>Saves edits of the recorded fields (summary, details, place, source, raiser) of a tracked item.</summary>
    public Task<SaveOutcome> SaveDetailsAsync(VoiceItem item, Guid expectedVersion, string editor, CancellationToken ct)
    {
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        item.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        item.ModifiedBy = editor;
        return SaveAsync(ct);
    }

    /// <summary>
    /// Applies the ward office's decision to a tracked item (with Category, Department, Status and History loaded).
    /// A new category re-routes the item; reaching a closing status with a public response publishes the response,
    /// leaving it withdraws it.
    /// </summary>
    public async Task<SaveOutcome> HandleAsync(VoiceItem item, Guid expectedVersion, HandlingChange change, string editor, CancellationToken ct)
    {
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        var now = clock.GetUtcNow().UtcDateTime;
        var note = change.Note.Trim();
        var noteWritten = false;

        void Record(VoiceHistoryKind kind, string from, string to)
        {
            item.History.Add(new VoiceItemHistory
            {
                Kind = kind, From = from, To = to, Note = noteWritten ? "" : note, ChangedUtc = now, ChangedBy = editor,
            });
            noteWritten = true;
        }

        if (change.Category.Id != item.CategoryId)
        {
            var department = await router.DepartmentForAsync(change.Category.Id, item.WardId, ct);
            Record(VoiceHistoryKind.CategoryChanged, item.Category!.Name, change.Category.Name);
            if (department?.Id != item.DepartmentId)
                Record(VoiceHistoryKind.Rerouted, item.Department?.Name ?? Unassigned, department?.Name ?? Unassigned);
            item.CategoryId = change.Category.Id;
            item.Category = change.Category;
            item.DepartmentId = department?.Id;
            item.Department = department;
        }
        if (change.Status.Id != item.StatusId)
        {
            Record(VoiceHistoryKind.StatusChanged, item.Status!.Name, change.Status.Name);
            item.StatusId = change.Status.Id;
            item.Status = change.Status;
        }
        if (!noteWritten && note.Length > 0)
            Record(VoiceHistoryKind.Noted, "", "");

        item.Response = change.Response.Trim();
        var publishes = change.Status is { IsClosed: true, IsPublicResponse: true } && item.Response.Length > 0;
        item.ResponsePublishedUtc = publishes ? item.ResponsePublishedUtc ?? now : null;
        item.IsPublic = change.IsPublic;
        item.ModifiedUtc = now;
        item.ModifiedBy = editor;
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
