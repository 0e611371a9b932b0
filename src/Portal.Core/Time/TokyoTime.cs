using System.Globalization;

namespace Portal.Core.Time;

/// <summary>The portal stores UTC and shows Asia/Tokyo (JST, no daylight saving).</summary>
public static class TokyoTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateTime ToTokyo(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time typed in Tokyo (e.g. from a datetime-local input) as UTC.</summary>
    public static DateTime ToUtc(DateTime tokyoWallClock) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(tokyoWallClock, DateTimeKind.Unspecified), Zone);

    /// <summary>"2026年11月24日 15:30" in Japanese, "24 Nov 2026 15:30" otherwise.</summary>
    public static string Format(DateTime utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var local = ToTokyo(utc);
        return culture.TwoLetterISOLanguageName == "ja"
            ? local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Machine-readable value for a &lt;time datetime&gt; attribute, with the +09:00 offset.</summary>
    public static string Iso(DateTime utc) =>
        new DateTimeOffset(ToTokyo(utc), Zone.BaseUtcOffset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
