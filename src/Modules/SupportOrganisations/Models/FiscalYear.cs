using System.Globalization;
using Portal.Core.Time;

namespace Portal.Modules.SupportOrganisations.Models;

/// <summary>The Japanese fiscal year (年度): 2026年度 runs from 1 April 2026 to 31 March 2027, by the Tokyo calendar.</summary>
public static class FiscalYear
{
    public static int Of(DateOnly tokyoDate) => tokyoDate.Month >= 4 ? tokyoDate.Year : tokyoDate.Year - 1;

    public static int OfUtc(DateTime utc) => Of(DateOnly.FromDateTime(TokyoTime.ToTokyo(utc)));

    public static int Current(TimeProvider clock) => OfUtc(clock.GetUtcNow().UtcDateTime);

    /// <summary>Years a choice may be recorded for: the last few, this one and the next.</summary>
    public static IReadOnlyList<int> Recordable(TimeProvider clock)
    {
        var current = Current(clock);
        return Enumerable.Range(current - 3, 5).Reverse().ToList();
    }

    /// <summary>"2026年度" in Japanese, "FY2026" otherwise.</summary>
    public static string Label(int year, CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "ja"
            ? year.ToString(CultureInfo.InvariantCulture) + "年度"
            : "FY" + year.ToString(CultureInfo.InvariantCulture);
}
