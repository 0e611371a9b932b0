using System.Net.Sockets;
using System.Security.Authentication;
using System.Linq.Expressions;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

public sealed record SendSummary(int Sent, int Skipped, int Retrying, int Failed)
{
    public static readonly SendSummary None = new(0, 0, 0, 0);

    /// <summary>Deliveries handed back untouched because the mail server (not the recipient) failed.</summary>
    public int Deferred { get; init; }

    /// <summary>
    /// The sender suspended the unsent runs: after ServerFailureLimit server-level failures in a row, or because every
    /// delivery it tried failed at the server.
    /// </summary>
    public bool Suspended { get; init; }

    public int Total => Sent + Skipped + Retrying + Failed + Deferred;

    public SendSummary Add(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => this with { Sent = Sent + 1 },
        DeliveryStatus.Skipped => this with { Skipped = Skipped + 1 },
        DeliveryStatus.Retrying => this with { Retrying = Retrying + 1 },
        DeliveryStatus.Failed => this with { Failed = Failed + 1 },
        _ => this,
    };
}

/// <summary>
/// Sends every due delivery over one SMTP connection. Each delivery is claimed with a conditional UPDATE (one node wins),
/// sent, then marked: the only window for a duplicate is a crash between the server's "250" and the mark, and a resend
/// then carries the same Message-ID. A claim whose lease expired (its sender died) is due again, so nothing is skipped.
/// Cancellation is honoured between deliveries only: a stop never leaves a claimed delivery behind.
/// A recipient the server refuses (RCPT TO) fails or retries alone; a failure of the server itself (MAIL FROM, DATA,
/// login, TLS, connection, protocol) hands the delivery back without charging it an attempt, and after
/// ServerFailureLimit of those in a row, or when every delivery tried in the pass failed so (however few), the sender
/// suspends every unsent run until ResumeAfterUtc. Each hand-back is counted on the delivery (ServerFailures): after
/// MaxServerFailuresPerDelivery it fails, so a message the server refuses while it accepts the others ends.
/// </summary>
public sealed class DigestSender(
    PortalDbContext db,
    IEnumerable<IDigestSource> sources,
    DigestMailComposer composer,
    IOptions<DigestOptions> digestOptions,
    IOptions<SmtpOptions> smtpOptions,
    TimeProvider time,
    ILogger<DigestSender> logger)
{
    private const int BatchSize = 200;
    private readonly DigestOptions _options = digestOptions.Value;

    /// <summary>Raised after each delivery is settled (tests use it to stop a sender mid-run).</summary>
    public event Action<long, DeliveryStatus>? DeliverySettled;

    public async Task<SendSummary> SendDueAsync(CancellationToken stopping = default)
    {
        var summary = SendSummary.None;
        var serverFailures = 0; // in a row
        var serverAnswered = false; // the server took or refused a recipient in this pass: it works
        string? lastServerError = null;
        await using var smtp = new SmtpSession(smtpOptions.Value);
        long after = 0;
        while (!stopping.IsCancellationRequested)
        {
            var now = Now;
            var batch = await db.Set<DigestDelivery>().Where(IsDue(now)).Where(d => d.Id > after)
                .OrderBy(d => d.Id).Select(d => d.Id).Take(BatchSize).ToListAsync(stopping);
            if (batch.Count == 0)
                break;
            foreach (var id in batch)
            {
                if (stopping.IsCancellationRequested)
                    break;
                after = id;
                if (await TryClaimAsync(id) is not { } attempt)
                    continue; // another sender has it, or it was settled meanwhile
                var outcome = await DeliverClaimedAsync(id, attempt, smtp);
                DeliverySettled?.Invoke(id, outcome.Status);
                summary = outcome is { ServerError: not null, Status: not DeliveryStatus.Failed }
                    ? summary with { Deferred = summary.Deferred + 1 }
                    : summary.Add(outcome.Status);
                if (outcome.ServerError is not { } serverError)
                {
                    if (outcome.Status != DeliveryStatus.Skipped)
                        (serverFailures, serverAnswered) = (0, true); // the server answered for this recipient: it works
                    continue;
                }
                lastServerError = serverError;
                if (++serverFailures >= _options.ServerFailureLimit)
                    return summary with { Suspended = await SuspendUnsentRunsAsync(serverError, serverFailures) };
            }
        }
        // Every delivery tried failed at the server, however few (fewer than ServerFailureLimit): it is down all the same.
        if (!serverAnswered && lastServerError is not null)
            summary = summary with { Suspended = await SuspendUnsentRunsAsync(lastServerError, serverFailures) };
        await ReactivateResumedRunsAsync();
        return summary;
    }

    /// <summary>
    /// The mail server keeps failing: no run with unsent deliveries is tried again before its (backed-off) resume time.
    /// Returns whether any run was suspended (none when the failures settled the last unsent deliveries).
    /// </summary>
    private async Task<bool> SuspendUnsentRunsAsync(string serverError, int failures)
    {
        var now = Now;
        var runs = await db.Set<DigestRun>()
            .Where(r => r.State == DigestRunState.Active || r.ResumeAfterUtc == null || r.ResumeAfterUtc <= now)
            .Where(r => r.Deliveries.Any(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying || d.Status == DeliveryStatus.Sending))
            .ToListAsync();
        foreach (var run in runs)
        {
            run.Suspensions++;
            var delay = _options.SuspendDelay * Math.Pow(2, Math.Min(run.Suspensions - 1, 16));
            run.State = DigestRunState.Suspended;
            run.ResumeAfterUtc = now + (delay < _options.MaxSuspendDelay ? delay : _options.MaxSuspendDelay);
            run.LastServerError = Truncate(serverError);
            logger.LogWarning("Digest run {PeriodKey} suspended until {ResumeAfterUtc:o} after {Count} server-level failures in a row: {Error}",
                run.PeriodKey, run.ResumeAfterUtc, failures, serverError);
        }
        await db.SaveChangesAsync();
        return runs.Count > 0;
    }

    /// <summary>A pass that went through without suspending: the runs whose suspension has run out are active again.</summary>
    private Task ReactivateResumedRunsAsync()
    {
        var now = Now;
        return db.Set<DigestRun>().Where(r => r.State == DigestRunState.Suspended && r.ResumeAfterUtc <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, DigestRunState.Active)
                .SetProperty(r => r.ResumeAfterUtc, (DateTime?)null)
                .SetProperty(r => r.Suspensions, 0));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Waiting to be sent, or claimed by a sender whose lease has run out; in a run that is not suspended.</summary>
    private static Expression<Func<DigestDelivery, bool>> IsDue(DateTime now) => d =>
        (((d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                && (d.NextAttemptUtc == null || d.NextAttemptUtc <= now)
                && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now))
            || (d.Status == DeliveryStatus.Sending && d.ClaimedUntilUtc < now))
        && (d.Run!.ResumeAfterUtc == null || d.Run.ResumeAfterUtc <= now);

    /// <summary>The conditional UPDATE: exactly one sender gets affected rows == 1. Returns this claim's attempt number.</summary>
    private async Task<int?> TryClaimAsync(long id)
    {
        var now = Now;
        var until = now + _options.ClaimLease;
        var claimed = await db.Set<DigestDelivery>().Where(d => d.Id == id).Where(IsDue(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.ClaimedUntilUtc, until)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1));
        if (claimed != 1)
            return null;
        return await db.Set<DigestDelivery>().Where(d => d.Id == id).Select(d => d.Attempts).SingleAsync();
    }

    /// <summary>What became of a claimed delivery; ServerError is set when the mail server failed and the delivery was handed back.</summary>
    private readonly record struct Outcome(DeliveryStatus Status, string? ServerError = null)
    {
        public static implicit operator Outcome(DeliveryStatus status) => new(status);
    }

    private async Task<Outcome> DeliverClaimedAsync(long id, int attempt, SmtpSession smtp)
    {
        var delivery = await db.Set<DigestDelivery>().AsNoTracking()
            .Include(d => d.Run)
            .Include(d => d.Subscription!).ThenInclude(s => s.User)
            .Include(d => d.Subscription!).ThenInclude(s => s.Ward)
            .Include(d => d.Subscription!).ThenInclude(s => s.Organisation)
            .SingleAsync(d => d.Id == id);
        var run = delivery.Run!;
        var subscription = delivery.Subscription!;
        if (subscription.Frequency != run.Frequency)
            return await SettleAsync(id, attempt, DeliveryStatus.Skipped, "購読が停止または変更されたため送信しませんでした。");

        var period = DigestPeriod.Containing(run.Frequency, run.PeriodStartUtc);
        var scope = new DigestScope(subscription.WardId, subscription.OrganisationId, subscription.User?.OrganisationId);
        var sections = new List<DigestSection>();
        foreach (var source in sources)
            sections.AddRange(await source.CollectAsync(scope, run.PeriodStartUtc, run.PeriodEndUtc, CancellationToken.None));
        if (sections.All(s => s.Items.Count == 0))
            return await SettleAsync(id, attempt, DeliveryStatus.Skipped, null);

        var message = composer.Compose(
            new DigestMailContent(id, run.Id, subscription.Id, delivery.Email, period, ScopeLabel(subscription), sections),
            time.GetUtcNow());
        try
        {
            await SendWithOneReconnectAsync(smtp, message);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            var error = $"{(int)e.StatusCode} {e.Message}";
            if ((int)e.StatusCode >= 500 || attempt >= _options.MaxAttempts)
            {
                logger.LogWarning("Digest delivery {Id}: the server refused recipient {Email} (attempt {Attempt}): {Error}", id, delivery.Email, attempt, error);
                return await SettleAsync(id, attempt, DeliveryStatus.Failed, error, recipientRefused: true);
            }
            logger.LogInformation("Digest delivery {Id}: recipient {Email} refused temporarily (attempt {Attempt}): {Error}", id, delivery.Email, attempt, error);
            return await SettleAsync(id, attempt, DeliveryStatus.Retrying, error, Now + _options.RetryDelay * Math.Pow(2, attempt - 1));
        }
        catch (Exception e) when (IsServerFailure(e))
        {
            var error = e is SmtpCommandException c ? $"{(int)c.StatusCode} {c.Message}" : e.Message;
            if (delivery.ServerFailures + 1 >= _options.MaxServerFailuresPerDelivery)
            {
                logger.LogWarning("Digest delivery {Id}: the mail server failed {Count} times for this message, given up: {Error}",
                    id, delivery.ServerFailures + 1, error);
                return new Outcome(await SettleAsync(id, attempt, DeliveryStatus.Failed, error, serverFailure: true), error);
            }
            logger.LogWarning("Digest delivery {Id}: the mail server failed, handed back: {Error}", id, error);
            return new Outcome(await ReleaseAsync(id, attempt, error), error);
        }
        return await SettleAsync(id, attempt, DeliveryStatus.Sent, null, messageId: message.MessageId);
    }

    private static async Task SendWithOneReconnectAsync(SmtpSession smtp, MimeMessage message)
    {
        try
        {
            await smtp.SendAsync(message, CancellationToken.None);
        }
        catch (Exception e) when (IsDroppedConnection(e))
        {
            // An idle or broken connection: reconnect once; the same Message-ID makes a possible double recognisable.
            smtp.Reset();
            await smtp.SendAsync(message, CancellationToken.None);
        }
    }

    private static bool IsDroppedConnection(Exception e) =>
        e is ServiceNotConnectedException or SmtpProtocolException or IOException or SocketException;

    /// <summary>
    /// A failure of the mail server, not of one recipient: MAIL FROM or DATA refused (4xx or 5xx), login required or
    /// refused, no connection, TLS or protocol errors (after one reconnect).
    /// </summary>
    private static bool IsServerFailure(Exception e) =>
        e is SmtpCommandException { ErrorCode: not SmtpErrorCode.RecipientNotAccepted }
            or SmtpUnavailableException or ServiceNotAuthenticatedException or AuthenticationException
            || IsDroppedConnection(e);

    /// <summary>
    /// Records the outcome of this claim (serverFailure: the mail server failed, counted in ServerFailures); a sender whose
    /// lease was taken over changes nothing.
    /// </summary>
    private async Task<DeliveryStatus> SettleAsync(long id, int attempt, DeliveryStatus status, string? error, DateTime? nextAttempt = null,
        string? messageId = null, bool recipientRefused = false, bool serverFailure = false)
    {
        var now = Now;
        var serverFailures = serverFailure ? 1 : 0;
        var sentUtc = status == DeliveryStatus.Sent ? now : (DateTime?)null;
        error = Truncate(error);
        var updated = await db.Set<DigestDelivery>()
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Sending && d.Attempts == attempt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.NextAttemptUtc, nextAttempt)
                .SetProperty(d => d.SentUtc, sentUtc)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.RecipientRefused, recipientRefused)
                .SetProperty(d => d.ServerFailures, d => d.ServerFailures + serverFailures)
                .SetProperty(d => d.MessageId, messageId));
        if (updated != 1)
            logger.LogWarning("Digest delivery {Id}: claim {Attempt} was lost before it could be marked {Status}", id, attempt, status);
        return status;
    }

    /// <summary>
    /// Hands a claimed delivery back with this claim uncounted (the mail server failed: not the recipient's fault), noting
    /// the server's error and counting the failure in ServerFailures; returns the status it goes back to.
    /// </summary>
    private async Task<DeliveryStatus> ReleaseAsync(long id, int attempt, string error)
    {
        error = Truncate(error)!;
        await db.Set<DigestDelivery>()
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Sending && d.Attempts == attempt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, d => d.Attempts > 1 ? DeliveryStatus.Retrying : DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, d => d.Attempts - 1)
                .SetProperty(d => d.ServerFailures, d => d.ServerFailures + 1)
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.LastError, error));
        return attempt > 1 ? DeliveryStatus.Retrying : DeliveryStatus.Pending;
    }

    private static string? Truncate(string? error) => error is { Length: > 1000 } ? error[..1000] : error;

    private static string ScopeLabel(DigestSubscription s) =>
        (s.Ward, s.Organisation) switch
        {
            ({ } ward, { } organisation) => $"{ward.Name}・{organisation.Name}",
            ({ } ward, null) => ward.Name,
            (null, { } organisation) => organisation.Name,
            _ => "全体",
        };
}
