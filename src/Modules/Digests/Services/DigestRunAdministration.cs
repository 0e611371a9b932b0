using System.Linq.Expressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

/// <summary>A run as administrators see it: its state and how many of its deliveries are in each status.</summary>
public sealed record DigestRunOverview(DigestRun Run, IReadOnlyDictionary<DeliveryStatus, int> Counts, int Resendable)
{
    public int Count(DeliveryStatus status) => Counts.GetValueOrDefault(status);
}

/// <summary>What the administrators' digest page reads and changes: recent runs, and "resend now" of a run's unsent deliveries.</summary>
public sealed class DigestRunAdministration(PortalDbContext db, IServiceProvider services)
{
    public const int RecentRuns = 30;

    public async Task<IReadOnlyList<DigestRunOverview>> RecentAsync(CancellationToken ct)
    {
        var runs = await db.Set<DigestRun>().AsNoTracking()
            .OrderByDescending(r => r.PeriodEndUtc).ThenByDescending(r => r.Id).Take(RecentRuns).ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var counts = await db.Set<DigestDelivery>().Where(d => ids.Contains(d.RunId))
            .GroupBy(d => new { d.RunId, d.Status })
            .Select(g => new { g.Key.RunId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var resendable = await db.Set<DigestDelivery>().Where(d => ids.Contains(d.RunId)).Where(Resendable)
            .GroupBy(d => d.RunId).Select(g => new { RunId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RunId, g => g.Count, ct);
        return runs.Select(run => new DigestRunOverview(run,
                counts.Where(c => c.RunId == run.Id).ToDictionary(c => c.Status, c => c.Count),
                resendable.GetValueOrDefault(run.Id)))
            .ToList();
    }

    /// <summary>
    /// Puts the run's unsent deliveries (waiting, retrying, or failed through no fault of the recipient) back to be sent
    /// now, with fresh attempts and server-failure counts, and lifts the run's suspension; false when there is no such run. It only changes
    /// states: a delivery being sent right now is left to its sender, and the senders' claims keep every mail single,
    /// however often this runs at once. When Hangfire runs, the digest job is queued so the mails go out at once.
    /// </summary>
    public async Task<bool> ResendAsync(int runId, CancellationToken ct)
    {
        var found = await db.Set<DigestRun>().Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, DigestRunState.Active)
                .SetProperty(r => r.ResumeAfterUtc, (DateTime?)null)
                .SetProperty(r => r.Suspensions, 0), ct);
        if (found == 0)
            return false;
        await db.Set<DigestDelivery>()
            .Where(d => d.RunId == runId).Where(Resendable)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.ServerFailures, 0)
                .SetProperty(d => d.NextAttemptUtc, (DateTime?)null), ct);
        services.GetService<IBackgroundJobClient>()?.Enqueue<DigestJob>(job => job.RunAsync(CancellationToken.None));
        return true;
    }

    /// <summary>Not sent yet, and not refused by the recipient's server: waiting, retrying, or failed at the mail server.</summary>
    private static readonly Expression<Func<DigestDelivery, bool>> Resendable = d =>
        d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying || (d.Status == DeliveryStatus.Failed && !d.RecipientRefused);
}
