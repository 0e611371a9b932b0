using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Portal.Core.Content;

/// <summary>
/// A set of choices stored as one integer: a [Flags] enum whose members (other than None = 0) are single bits, each
/// labelled in Japanese with <c>[Display(Name = "…")]</c>. The label is also the localisation key.
/// </summary>
public static class FlagSet<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> Labels = Enum.GetValues<T>()
        .Where(member => Convert.ToInt64(member) != 0)
        .ToDictionary(member => member, LabelOf);

    /// <summary>The single members, in the order of their values.</summary>
    public static readonly IReadOnlyList<T> All = Labels.Keys.ToList();

    public static string Label(T member) =>
        Labels.TryGetValue(member, out var label)
            ? label
            : throw new ArgumentOutOfRangeException(nameof(member), member, $"Not a single {typeof(T).Name} member.");

    public static IEnumerable<T> Split(T set) => All.Where(member => set.HasFlag(member));

    public static T Combine(IEnumerable<T> members) =>
        (T)Enum.ToObject(typeof(T), members.Aggregate(0L, (set, member) => set | Convert.ToInt64(member)));

    /// <summary>One member by its name (any case), as a query string or form sends it.</summary>
    public static bool TryParseOne(string? value, out T member)
    {
        member = default;
        return value is not null
            && Enum.TryParse(value, ignoreCase: true, out member)
            && Labels.ContainsKey(member);
    }

    /// <summary>One member by its Japanese label or its name, as a recipe gives it.</summary>
    public static bool TryParseLabelOrName(string value, out T member)
    {
        member = Labels.FirstOrDefault(l => l.Value == value).Key;
        return Labels.ContainsKey(member) || TryParseOne(value, out member);
    }

    private static string LabelOf(T member)
    {
        var bits = Convert.ToInt64(member);
        if ((bits & (bits - 1)) != 0)
            throw new InvalidOperationException($"{typeof(T).Name}.{member} is not a single flag.");
        return typeof(T).GetField(member.ToString())!.GetCustomAttribute<DisplayAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{member} has no [Display(Name)] label.");
    }
}
