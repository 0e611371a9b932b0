using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

/// <summary>
/// Creates the run of each ended period with one Pending delivery per active subscription, in one transaction.
/// Idempotent: a second planner (another node, a retried job) hits the unique (Frequency, PeriodKey) and leaves the run as it is.
/// </summary>
public sealed class DigestPlanner(PortalDbContext db, TimeProvider time, ILogger<DigestPlanner> logger)
{
    /// <summary>Plans the latest ended daily and weekly periods; returns the runs created by this call.</summary>
    public async Task<IReadOnlyList<DigestRun>> PlanEndedPeriodsAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<DigestRun>();
        foreach (var frequency in new[] { DigestFrequency.Daily, DigestFrequency.Weekly })
        {
            if (await PlanAsync(DigestPeriod.LastEnded(frequency, now), ct) is { } run)
                created.Add(run);
        }
        return created;
    }

    /// <summary>Plans <paramref name="period"/> if it has ended and has no run yet; null when there was nothing to do.</summary>
    public async Task<DigestRun?> PlanAsync(DigestPeriod period, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (period.EndUtc > now)
            throw new InvalidOperationException($"Period {period.Key} has not ended yet.");
        if (await db.Set<DigestRun>().AnyAsync(r => r.Frequency == period.Frequency && r.PeriodKey == period.Key, ct))
            return null;

        var recipients = await db.Set<DigestSubscription>()
            .Where(s => s.Frequency == period.Frequency && s.User!.Email != null && s.User.Email != "")
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.User!.Email })
            .ToListAsync(ct);

        var run = new DigestRun
        {
            Frequency = period.Frequency,
            PeriodKey = period.Key,
            PeriodStartUtc = period.StartUtc,
            PeriodEndUtc = period.EndUtc,
            PlannedUtc = now,
            Deliveries = recipients.Select(r => new DigestDelivery { SubscriptionId = r.Id, Email = r.Email!, Status = DeliveryStatus.Pending }).ToList(),
        };
        db.Add(run);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            if (!await db.Set<DigestRun>().AnyAsync(r => r.Frequency == period.Frequency && r.PeriodKey == period.Key, ct))
                throw;
            logger.LogInformation(e, "Digest run {PeriodKey} was planned by another node", period.Key);
            return null;
        }
        logger.LogInformation("Planned digest run {PeriodKey} with {Count} deliveries", period.Key, run.Deliveries.Count);
        return run;
    }
}
