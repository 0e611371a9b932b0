using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

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
