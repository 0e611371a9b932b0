using System.ComponentModel.DataAnnotations;
using Portal.Core.Data;

namespace Portal.Modules.Digests.Models;

public enum DigestFrequency
{
    Off = 0,
    Daily = 1,
    Weekly = 2,
}

/// <summary>One user's wish to receive a digest for a ward, an organisation, or both (their intersection).</summary>
public class DigestSubscription
{
    public int Id { get; set; }

    [MaxLength(450)]
    public required string UserId { get; set; }
    public PortalUser? User { get; set; }

    public int? WardId { get; set; }
    public Ward? Ward { get; set; }

    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public DigestFrequency Frequency { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
}

/// <summary>The digest of one period; the unique (Frequency, PeriodKey) makes planning idempotent across nodes and retries.</summary>
public class DigestRun
{
    public int Id { get; set; }

    public DigestFrequency Frequency { get; set; }

    /// <summary>"daily:2026-11-24" or "weekly:2026-11-23" (the Tokyo date the period starts on).</summary>
    [MaxLength(32)]
    public required string PeriodKey { get; set; }

    public DateTime PeriodStartUtc { get; set; }
    public DateTime PeriodEndUtc { get; set; }
    public DateTime PlannedUtc { get; set; }

    /// <summary>Suspended after repeated server-level failures (the mail server, not a recipient, refused); sending resumes at ResumeAfterUtc.</summary>
    public DigestRunState State { get; set; }

    /// <summary>While suspended, no delivery of the run is tried before this time.</summary>
    public DateTime? ResumeAfterUtc { get; set; }

    /// <summary>Suspensions in a row without a delivery sent in between: each doubles the wait.</summary>
    public int Suspensions { get; set; }

    /// <summary>The mail server's last refusal that counted towards a suspension (kept for administrators).</summary>
    [MaxLength(1000)]
    public string? LastServerError { get; set; }

    public List<DigestDelivery> Deliveries { get; set; } = [];
}

public enum DigestRunState
{
    Active = 0,
    /// <summary>The mail server failed repeatedly: nothing of the run is tried before ResumeAfterUtc (an administrator may resend it now).</summary>
    Suspended = 1,
}

public enum DeliveryStatus
{
    Pending = 0,
    /// <summary>Claimed by a sender until ClaimedUntil; an expired claim means the sender died and the delivery is resumed.</summary>
    Sending = 1,
    Sent = 2,
    /// <summary>Every section was empty (or the subscription was switched off after planning): no mail was sent.</summary>
    Skipped = 3,
    /// <summary>The server refused this recipient with 4xx; tried again from NextAttemptUtc on.</summary>
    Retrying = 4,
    /// <summary>
    /// The recipient was refused with 5xx, or with 4xx after the last allowed attempt (RecipientRefused), or the server
    /// refused this message MaxServerFailuresPerDelivery times (or once, on sites older than the server-level handling):
    /// not tried again unless an administrator resends the run (which takes back every Failed delivery whose recipient
    /// was not refused).
    /// </summary>
    Failed = 5,
}

/// <summary>One mail of a run to one subscription; unique (RunId, SubscriptionId).</summary>
public class DigestDelivery
{
    public long Id { get; set; }

    public int RunId { get; set; }
    public DigestRun? Run { get; set; }

    public int SubscriptionId { get; set; }
    public DigestSubscription? Subscription { get; set; }

    /// <summary>The recipient's address when the run was planned.</summary>
    [MaxLength(256)]
    public required string Email { get; set; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Number of claims so far; a sender marks only the claim it made (the attempt it read back).</summary>
    public int Attempts { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? NextAttemptUtc { get; set; }
    public DateTime? SentUtc { get; set; }

    [MaxLength(1000)]
    public string? LastError { get; set; }

    /// <summary>
    /// Claims handed back because the mail server failed (not counted in Attempts); after MaxServerFailuresPerDelivery the
    /// delivery fails (not RecipientRefused): a refusal of this one message (552 too big, 554 after DATA) ends there.
    /// </summary>
    public int ServerFailures { get; set; }

    /// <summary>Failed because the server refused this recipient (RCPT TO), not because of the mail server itself.</summary>
    public bool RecipientRefused { get; set; }

    [MaxLength(200)]
    public string? MessageId { get; set; }
}
