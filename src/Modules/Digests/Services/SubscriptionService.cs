using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

/// <summary>A user's own subscriptions: every change checks that the subscription belongs to the user.</summary>
public sealed class SubscriptionService(PortalDbContext db, TimeProvider time, IStringLocalizer<Strings> T)
{
    public Task<List<DigestSubscription>> OfUserAsync(string userId, CancellationToken ct) =>
        db.Set<DigestSubscription>().AsNoTracking()
            .Include(s => s.Ward).Include(s => s.Organisation)
            .Where(s => s.UserId == userId)
            .OrderBy(s => s.Id)
            .ToListAsync(ct);

    /// <summary>The organisations a subscription may name, by ward, kind and name.</summary>
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.WardId).ThenBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);

    /// <summary>Whether the user has an address a digest can be sent to.</summary>
    public Task<bool> HasEmailAsync(string userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId && u.Email != null && u.Email != "", ct);

    /// <summary>
    /// Adds a subscription, or changes the frequency of the user's existing one for the same ward and organisation.
    /// The ward and the organisation, when given, must exist; at least one of them must be given.
    /// </summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> SubscribeAsync(ClaimsPrincipal user, SubscriptionInput input, bool inputIsValid, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.WardId is null && input.OrganisationId is null)
            errors.Add(new(nameof(input.WardId), T["区または組織のどちらかを選択してください。"]));
        if (input.WardId is { } wardId && !await db.Wards.AnyAsync(w => w.Id == wardId, ct))
            errors.Add(new(nameof(input.WardId), T["区を一覧から選択してください。"]));
        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            errors.Add(new(nameof(input.OrganisationId), T["組織を一覧から選択してください。"]));
        if (input.Frequency is { } f && !Enum.IsDefined(f))
            errors.Add(new(nameof(input.Frequency), T["配信頻度を選択してください。"]));
        if (errors.Count > 0 || !inputIsValid || input.Frequency is not { } frequency)
            return EditResult.Invalid(errors);

        var userId = UserIdOf(user);
        var (wardChoice, organisationChoice) = (input.WardId, input.OrganisationId);
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await OfUserForAsync(userId, wardChoice, organisationChoice, ct);
        if (existing is null)
        {
            var added = new DigestSubscription
            {
                UserId = userId, WardId = wardChoice, OrganisationId = organisationChoice, Frequency = frequency, CreatedUtc = now, ModifiedUtc = now,
            };
            // The same subscription sent twice at the same moment: the unique index kept the other, which this one then changes.
            if (await db.AddUnlessTakenAsync(added, async () => await OfUserForAsync(userId, wardChoice, organisationChoice, ct) is not null, ct))
                return EditResult.Saved(added.Id);
            existing = (await OfUserForAsync(userId, wardChoice, organisationChoice, ct))!;
        }
        existing.Frequency = frequency;
        existing.ModifiedUtc = now;
        await db.SaveChangesAsync(ct);
        return EditResult.Saved(existing.Id);
    }

    private Task<DigestSubscription?> OfUserForAsync(string userId, int? wardId, int? organisationId, CancellationToken ct) =>
        db.Set<DigestSubscription>().FirstOrDefaultAsync(s => s.UserId == userId && s.WardId == wardId && s.OrganisationId == organisationId, ct);

    /// <summary>Changes the frequency of one of the user's subscriptions; an unknown frequency is refused before the subscription is looked at.</summary>
    public Task<EditResult> ChangeFrequencyAsync(ClaimsPrincipal user, int subscriptionId, DigestFrequency? frequency, CancellationToken ct)
    {
        if (frequency is not { } value || !Enum.IsDefined(value))
            return Task.FromResult(EditResult.Invalid("", T["配信頻度を選択してください。"]));
        var now = time.GetUtcNow().UtcDateTime;
        return ChangeOwnAsync(user, subscriptionId, subscription =>
        {
            subscription.Frequency = value;
            subscription.ModifiedUtc = now;
        }, ct);
    }

    public Task<EditResult> DeleteAsync(ClaimsPrincipal user, int subscriptionId, CancellationToken ct) =>
        ChangeOwnAsync(user, subscriptionId, subscription => db.Remove(subscription), ct);

    /// <summary>Applies <paramref name="change"/> to the user's own subscription and saves; NotFound / Forbidden otherwise.</summary>
    private async Task<EditResult> ChangeOwnAsync(ClaimsPrincipal user, int subscriptionId, Action<DigestSubscription> change, CancellationToken ct)
    {
        var subscription = await db.Set<DigestSubscription>().FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null) return EditResult.NotFound;
        if (subscription.UserId != UserIdOf(user)) return EditResult.Forbidden;
        change(subscription);
        await db.SaveChangesAsync(ct);
        return EditResult.Saved(subscriptionId);
    }

    public static string UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

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
