using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Validation;

// The form rules every module uses, each with its message written once. A message is in Japanese and is also the
// localisation key of each module's resources (the DataAnnotations localiser reads the module's Strings).

/// <summary>A field that must be filled in.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class RequiredTextAttribute : RequiredAttribute
{
    public const string Message = "{0}を入力してください。";

    public RequiredTextAttribute() => ErrorMessage = Message;
}

/// <summary>A choice (a list or radio buttons) that must be made.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class RequiredChoiceAttribute : RequiredAttribute
{
    public const string Message = "{0}を選択してください。";

    public RequiredChoiceAttribute() => ErrorMessage = Message;
}

/// <summary>Text of at most this many characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MaxCharsAttribute : StringLengthAttribute
{
    public const string Message = "{0}は{1}文字以内で入力してください。";

    public MaxCharsAttribute(int maximumLength) : base(maximumLength) => ErrorMessage = Message;
}

/// <summary>A number from minimum to maximum.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class InRangeAttribute : RangeAttribute
{
    public const string Message = "{0}は{1}から{2}の範囲で入力してください。";

    public InRangeAttribute(int minimum, int maximum) : base(minimum, maximum) => ErrorMessage = Message;

    public InRangeAttribute(double minimum, double maximum) : base(minimum, maximum) => ErrorMessage = Message;
}

/// <summary>A value of the enum the property has (a hand-made post can send any number).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class KnownValueAttribute : ValidationAttribute
{
    public const string Message = "{0}の値が正しくありません。";

    private readonly EnumDataTypeAttribute _enum;

    public KnownValueAttribute(Type enumType)
    {
        _enum = new EnumDataTypeAttribute(enumType);
        ErrorMessage = Message;
    }

    public override bool IsValid(object? value) => _enum.IsValid(value);
}

/// <summary>A telephone number: half-width digits, hyphens, "+", brackets and spaces.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PhoneNumberAttribute : RegularExpressionAttribute
{
    public const string Message = "{0}は半角数字とハイフンで入力してください。";

    public PhoneNumberAttribute() : base(@"^[0-9\-+() ]*$") => ErrorMessage = Message;
}

/// <summary>An e-mail address.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class EmailTextAttribute : DataTypeAttribute
{
    public const string Message = "{0}の形式が正しくありません。";

    private static readonly EmailAddressAttribute Email = new();

    public EmailTextAttribute() : base(DataType.EmailAddress) => ErrorMessage = Message;

    public override bool IsValid(object? value) => Email.IsValid(value);
}
