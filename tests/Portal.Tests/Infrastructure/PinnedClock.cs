using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The calendar every test host lives in unless a test brings its own clock: the run's date never changes what a test sees.
/// </summary>
public static class TestCalendar
{
    /// <summary>Wednesday 25 November 2026, 10:00 in Tokyo: the default hosts are set up (and the demo recipe's relative dates resolved) then.</summary>
    public static readonly DateTimeOffset SetupTime = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

    /// <summary>The Tokyo calendar day of <see cref="SetupTime"/>.</summary>
    public static DateOnly SetupDay => DateOnly.FromDateTime(SetupTime.DateTime);
}

/// <summary>
/// A clock that starts at a fixed moment and then runs at real speed. Unlike a FakeTimeProvider it needs no test to
/// advance it, so sign-in cookies, leases, polling loops and timers behave as they do in production, while the date is
/// the same on every run.
/// </summary>
public sealed class PinnedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_startedAt);
}
