using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

/// <summary>
/// Creates the run of each ended period with one Pending delivery per active subscription, in one transaction.
/// Idempotent: a second planner (another node, a retried job) hits the unique (Frequency, PeriodKey) and leaves the run as it is.
/// </summary>
public sealed class DigestPlanner(PortalDbContext db, TimeProvider time, IOptions<DigestOptions> options, ILogger<DigestPlanner> logger)
{
    /// <summary>Plans every ended daily and weekly period not planned yet, oldest first; returns the runs created by this call.</summary>
    public async Task<IReadOnlyList<DigestRun>> PlanEndedPeriodsAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<DigestRun>();
        foreach (var frequency in new[] { DigestFrequency.Daily, DigestFrequency.Weekly })
        {
            foreach (var period in await UnplannedPeriodsAsync(frequency, now, ct))
            {
                if (await PlanAsync(period, ct) is { } run)
                    created.Add(run);
            }
        }
        return created;
    }

    /// <summary>
    /// The ended periods after the last planned one, so that downtime skips no period (at most MaxCatchUpPeriods, the
    /// newest); a site that has never planned one starts with the latest ended period.
    /// </summary>
    private async Task<List<DigestPeriod>> UnplannedPeriodsAsync(DigestFrequency frequency, DateTime now, CancellationToken ct)
    {
        var lastPlannedEnd = await db.Set<DigestRun>().Where(r => r.Frequency == frequency).MaxAsync(r => (DateTime?)r.PeriodEndUtc, ct);
        var periods = new List<DigestPeriod> { DigestPeriod.LastEnded(frequency, now) };
        var days = frequency == DigestFrequency.Weekly ? 7 : 1;
        while (lastPlannedEnd is not null && periods.Count < options.Value.MaxCatchUpPeriods)
        {
            var earlier = periods[^1] with { FirstDay = periods[^1].FirstDay.AddDays(-days) };
            if (earlier.EndUtc <= lastPlannedEnd)
                break;
            periods.Add(earlier);
        }
        periods.Reverse();
        return periods;
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
