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
