using Hangfire;

namespace Portal.Modules.Digests.Services;

/// <summary>
/// What the recurring job runs: plan every ended period that has no run yet, then send what is due.
/// Hangfire only triggers it; running it twice, or on two nodes at once, sends nothing twice.
/// </summary>
public sealed class DigestJob(DigestPlanner planner, DigestSender sender)
{
    public const string RecurringJobId = "digests";

    // Few retries: a digest hours late is worse than the next hourly run picking the rest up.
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("会議ダイジェストの計画と送信")]
    public async Task<SendSummary> RunAsync(CancellationToken cancellationToken)
    {
        await planner.PlanEndedPeriodsAsync(cancellationToken);
        return await sender.SendDueAsync(cancellationToken);
    }
}
