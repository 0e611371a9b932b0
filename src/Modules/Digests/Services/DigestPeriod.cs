using System.Globalization;
using Portal.Core.Time;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

/// <summary>
/// A digest period in Tokyo time: a day [00:00, 24:00) JST, or a week from Monday 00:00 JST to the next Monday.
/// The key names the Tokyo date the period starts on: "daily:2026-11-24", "weekly:2026-11-23".
/// </summary>
public sealed record DigestPeriod(DigestFrequency Frequency, DateOnly FirstDay)
{
    public DateOnly EndDay => Frequency == DigestFrequency.Weekly ? FirstDay.AddDays(7) : FirstDay.AddDays(1);

    public DateTime StartUtc => TokyoTime.ToUtc(FirstDay.ToDateTime(TimeOnly.MinValue));

    public DateTime EndUtc => TokyoTime.ToUtc(EndDay.ToDateTime(TimeOnly.MinValue));

    public string Key => $"{(Frequency == DigestFrequency.Weekly ? "weekly" : "daily")}:{FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The period of <paramref name="frequency"/> that contains the instant <paramref name="utc"/>.</summary>
    public static DigestPeriod Containing(DigestFrequency frequency, DateTime utc)
    {
        if (frequency is not (DigestFrequency.Daily or DigestFrequency.Weekly))
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Only daily and weekly digests have periods.");
        var day = DateOnly.FromDateTime(TokyoTime.ToTokyo(utc));
        if (frequency == DigestFrequency.Weekly)
            day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)); // back to Monday
        return new DigestPeriod(frequency, day);
    }

    /// <summary>The latest period that has fully ended at <paramref name="nowUtc"/>: the only one a run may be planned for.</summary>
    public static DigestPeriod LastEnded(DigestFrequency frequency, DateTime nowUtc)
    {
        var current = Containing(frequency, nowUtc);
        return current with { FirstDay = current.FirstDay.AddDays(frequency == DigestFrequency.Weekly ? -7 : -1) };
    }

    /// <summary>「2026年11月24日」 or 「2026年11月23日〜11月29日」 for mail subjects.</summary>
    public string JapaneseLabel
    {
        get
        {
            var first = FirstDay.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
            if (Frequency == DigestFrequency.Daily) return first;
            var last = EndDay.AddDays(-1);
            return first + "〜" + last.ToString(last.Year == FirstDay.Year ? "M月d日" : "yyyy年M月d日", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>"2026-11-24" or "2026-11-23 to 2026-11-29" for English pages.</summary>
    public string EnglishLabel =>
        Frequency == DigestFrequency.Daily
            ? FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {EndDay.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
