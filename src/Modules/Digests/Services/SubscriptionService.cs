using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

public enum SubscriptionChange { Saved, NotFound, NotOwner }

/// <summary>A user's own subscriptions: every change checks that the subscription belongs to the user.</summary>
public sealed class SubscriptionService(PortalDbContext db, TimeProvider time)
{
    public Task<List<DigestSubscription>> OfUserAsync(string userId, CancellationToken ct) =>
        db.Set<DigestSubscription>().AsNoTracking()
            .Include(s => s.Ward).Include(s => s.Organisation)
            .Where(s => s.UserId == userId)
            .OrderBy(s => s.Id)
            .ToListAsync(ct);

    /// <summary>Adds a subscription, or changes the frequency of the user's existing one for the same ward and organisation.</summary>
    public async Task SubscribeAsync(string userId, int? wardId, int? organisationId, DigestFrequency frequency, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await OfUserForAsync(userId, wardId, organisationId, ct);
        if (existing is null)
        {
            var added = new DigestSubscription
            {
                UserId = userId, WardId = wardId, OrganisationId = organisationId, Frequency = frequency, CreatedUtc = now, ModifiedUtc = now,
            };
            // The same subscription sent twice at the same moment: the unique index kept the other, which this one then changes.
            if (await db.AddUnlessTakenAsync(added, async () => await OfUserForAsync(userId, wardId, organisationId, ct) is not null, ct))
                return;
            existing = (await OfUserForAsync(userId, wardId, organisationId, ct))!;
        }
        existing.Frequency = frequency;
        existing.ModifiedUtc = now;
        await db.SaveChangesAsync(ct);
    }

    private Task<DigestSubscription?> OfUserForAsync(string userId, int? wardId, int? organisationId, CancellationToken ct) =>
        db.Set<DigestSubscription>().FirstOrDefaultAsync(s => s.UserId == userId && s.WardId == wardId && s.OrganisationId == organisationId, ct);

    public async Task<SubscriptionChange> ChangeFrequencyAsync(string userId, int subscriptionId, DigestFrequency frequency, CancellationToken ct)
    {
        var subscription = await db.Set<DigestSubscription>().FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null) return SubscriptionChange.NotFound;
        if (subscription.UserId != userId) return SubscriptionChange.NotOwner;
        subscription.Frequency = frequency;
        subscription.ModifiedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return SubscriptionChange.Saved;
    }

    public async Task<SubscriptionChange> DeleteAsync(string userId, int subscriptionId, CancellationToken ct)
    {
        var subscription = await db.Set<DigestSubscription>().FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null) return SubscriptionChange.NotFound;
        if (subscription.UserId != userId) return SubscriptionChange.NotOwner;
        db.Remove(subscription);
        await db.SaveChangesAsync(ct);
        return SubscriptionChange.Saved;
    }

    /// <summary>The unsubscribe link: switches the subscription off (idempotent). False when it no longer exists.</summary>
    public async Task<bool> SwitchOffAsync(int subscriptionId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.Set<DigestSubscription>().Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Frequency, DigestFrequency.Off).SetProperty(x => x.ModifiedUtc, now), ct);
        return updated == 1;
    }

    public Task<DigestSubscription?> FindAsync(int subscriptionId, CancellationToken ct) =>
        db.Set<DigestSubscription>().AsNoTracking().Include(s => s.Ward).Include(s => s.Organisation)
            .FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
}
