using MimeKit;

namespace Portal.Modules.Digests.Services;

/// <summary>Portal:Digests:* settings.</summary>
public sealed class DigestOptions
{
    public const string Section = "Portal:Digests";

    /// <summary>Runs Hangfire (storage, server, recurring job, dashboard). Off in tests that call the job directly.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cron of the recurring job in Asia/Tokyo: hourly at :05 plans ended periods and sends what is due.</summary>
    public string Cron { get; set; } = "5 * * * *";

    /// <summary>How long a sender owns a claimed delivery; after it, another sender resumes the delivery.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Claims of one delivery before a temporary (4xx) failure becomes permanent.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>After downtime, how many missed periods of each frequency are still planned (the newest ones).</summary>
    public int MaxCatchUpPeriods { get; set; } = 14;

    /// <summary>Wait after the first 4xx; doubled after each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Server-level failures in a row (MAIL FROM, DATA, login, TLS, connection or protocol errors: not one recipient's
    /// refusal) after which the sender stops and suspends the unsent runs. A pass whose every tried delivery failed at the
    /// server suspends them too, however few they were.
    /// </summary>
    public int ServerFailureLimit { get; set; } = 3;

    /// <summary>
    /// Server-level failures of one delivery after which it fails (resendable by an administrator): the server refusing
    /// this one message (552 too big, 554 after DATA) while it accepts others must not keep it waiting forever.
    /// </summary>
    public int MaxServerFailuresPerDelivery { get; set; } = 5;

    /// <summary>How long a suspended run waits before it is tried again; doubled on each further suspension, up to MaxSuspendDelay.</summary>
    public TimeSpan SuspendDelay { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan MaxSuspendDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How often each Hangfire worker looks for queued jobs in PostgreSQL (Hangfire.PostgreSql's default, 15 s, when unset).
    /// In-memory storage (SQLite) wakes its workers at once and ignores it.
    /// </summary>
    public TimeSpan? QueuePollInterval { get; set; }
}

/// <summary>Portal:Smtp:* settings.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Portal:Smtp";
    public const string DefaultSenderName = "区政協働ポータル";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>none, starttls or ssl.</summary>
    public string UseTls { get; set; } = "none";

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>"区政協働ポータル &lt;noreply@example.jp&gt;" or a bare address (then the display name is 区政協働ポータル).</summary>
    public string From { get; set; } = "noreply@portal.localhost";

    public int TimeoutSeconds { get; set; } = 30;

    public MailboxAddress Sender()
    {
        var address = MailboxAddress.Parse(From);
        if (string.IsNullOrWhiteSpace(address.Name))
            address.Name = DefaultSenderName;
        return address;
    }
}
