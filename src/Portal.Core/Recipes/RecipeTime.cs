using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Portal.Core.Time;

namespace Portal.Core.Recipes;

/// <summary>
/// A moment or a day in a recipe, either fixed ("2026-10-18T10:00:00+09:00", "2026-11-06") or relative to the Tokyo day
/// the site is set up on ("+7d 14:00", "-45d 10:00", "+0d", "-3d"): a demo set up in any year still shows upcoming
/// meetings, recent updates and overdue actions. A relative value without a time means midnight in Tokyo.
/// </summary>
[JsonConverter(typeof(RecipeTimeJsonConverter))]
public readonly partial record struct RecipeTime
{
    private RecipeTime(DateTimeOffset? fixedMoment, DateOnly? fixedDay, int dayOffset, TimeOnly timeOfDay)
    {
        FixedMoment = fixedMoment;
        FixedDay = fixedDay;
        DayOffset = dayOffset;
        TimeOfDay = timeOfDay;
    }

    private DateTimeOffset? FixedMoment { get; }
    private DateOnly? FixedDay { get; }
    private int DayOffset { get; }
    private TimeOnly TimeOfDay { get; }

    /// <summary>The moment in UTC, for a site set up at <paramref name="setupUtc"/>.</summary>
    public DateTime ToUtc(DateTime setupUtc) =>
        FixedMoment?.UtcDateTime ?? TokyoTime.ToUtc(ToTokyoDate(setupUtc).ToDateTime(TimeOfDay));

    /// <summary>The Tokyo calendar day, for a site set up at <paramref name="setupUtc"/>.</summary>
    public DateOnly ToTokyoDate(DateTime setupUtc)
    {
        if (FixedDay is { } day) return day;
        if (FixedMoment is { } moment) return DateOnly.FromDateTime(TokyoTime.ToTokyo(moment.UtcDateTime));
        return DateOnly.FromDateTime(TokyoTime.ToTokyo(setupUtc)).AddDays(DayOffset);
    }

    [GeneratedRegex(@"^(?<sign>[+-])(?<days>\d{1,5})d(?:\s+(?<time>\d{1,2}:\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();

    /// <summary>Parses a recipe value; the message of a <see cref="RecipeException"/> says which forms are accepted.</summary>
    public static RecipeTime Parse(string text)
    {
        var value = text.Trim();
        var relative = RelativePattern().Match(value);
        if (relative.Success)
        {
            var days = int.Parse(relative.Groups["days"].Value, CultureInfo.InvariantCulture);
            var time = TimeOnly.MinValue;
            if (relative.Groups["time"].Success
                && !TimeOnly.TryParseExact(relative.Groups["time"].Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
                throw new RecipeException($"'{text}': the time of day must be HH:mm (00:00–23:59).");
            return new RecipeTime(null, null, relative.Groups["sign"].Value == "-" ? -days : days, time);
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new RecipeTime(null, day, 0, TimeOnly.MinValue);
        if (value.Contains('T') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T')))
            return new RecipeTime(moment, null, 0, TimeOnly.MinValue);
        throw new RecipeException(
            $"'{text}' is not a recipe time: use days from the setup day with an optional Tokyo time (\"+7d 14:00\", \"-45d\"), " +
            "a date (\"2026-11-06\") or a moment with its offset (\"2026-10-18T10:00:00+09:00\").");
    }

    public override string ToString() =>
        FixedMoment?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
        ?? FixedDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        ?? $"{(DayOffset < 0 ? "-" : "+")}{Math.Abs(DayOffset)}d {TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

public sealed class RecipeTimeJsonConverter : JsonConverter<RecipeTime>
{
    public override RecipeTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("A recipe time is a string such as \"+7d 14:00\" or \"2026-11-06\".");
        try
        {
            return RecipeTime.Parse(reader.GetString()!);
        }
        catch (RecipeException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, RecipeTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
