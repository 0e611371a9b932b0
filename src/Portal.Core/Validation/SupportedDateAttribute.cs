using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Validation;

/// <summary>
/// A date or time the portal works with: years 2000 to 2200, the range the open data endpoints accept too. Outside it a
/// typing slip (0001, 9999, 20266) would be stored and shown as if it were real, and the Tokyo/UTC conversion of the
/// first and last days of the calendar would move the value silently.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SupportedDateAttribute : ValidationAttribute
{
    public const int MinYear = 2000;
    public const int MaxYear = 2200;

    /// <summary>The Japanese message, which is also the localisation key of each module's resources.</summary>
    public const string Message = "{0}は2000年から2200年までの日付で入力してください。";

    public SupportedDateAttribute() => ErrorMessage = Message;

    public static bool IsSupported(int year) => year is >= MinYear and <= MaxYear;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        DateTime dateTime => IsSupported(dateTime.Year),
        DateOnly date => IsSupported(date.Year),
        DateTimeOffset offset => IsSupported(offset.Year),
        _ => false,
    };
}
