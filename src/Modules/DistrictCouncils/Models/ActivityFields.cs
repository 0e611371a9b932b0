namespace Portal.Modules.DistrictCouncils.Models;

/// <summary>The six fields a 地域活動協議会 must cover to be certified; stored as flags.</summary>
[Flags]
public enum ActivityFields
{
    None = 0,
    SafetyAndDisasterPrevention = 1,
    ChildrenAndYouth = 2,
    Welfare = 4,
    Health = 8,
    Environment = 16,
    CultureAndSports = 32,
}

public static class ActivityFieldLabels
{
    public static readonly IReadOnlyList<ActivityFields> All =
    [
        ActivityFields.SafetyAndDisasterPrevention, ActivityFields.ChildrenAndYouth, ActivityFields.Welfare,
        ActivityFields.Health, ActivityFields.Environment, ActivityFields.CultureAndSports,
    ];

    /// <summary>The Japanese label, which is also the localisation key.</summary>
    public static string Japanese(ActivityFields field) => field switch
    {
        ActivityFields.SafetyAndDisasterPrevention => "防犯・防災",
        ActivityFields.ChildrenAndYouth => "子ども・青少年",
        ActivityFields.Welfare => "福祉",
        ActivityFields.Health => "健康",
        ActivityFields.Environment => "環境",
        ActivityFields.CultureAndSports => "文化・スポーツ",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a single activity field."),
    };

    public static IEnumerable<ActivityFields> Split(ActivityFields fields) => All.Where(f => fields.HasFlag(f));

    public static ActivityFields Combine(IEnumerable<ActivityFields> fields) =>
        fields.Aggregate(ActivityFields.None, (all, f) => all | f);

    public static bool TryParseOne(string? value, out ActivityFields field)
    {
        field = ActivityFields.None;
        return value is not null
            && Enum.TryParse(value, ignoreCase: true, out field)
            && All.Contains(field);
    }
}
