using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Portal.Web.Infrastructure;

/// <summary>Binding errors ("abc" for a number) in Japanese; DataAnnotations localisation translates them back for English.</summary>
public static class ModelBindingMessages
{
    public static void UseJapanese(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"「{value}」は{field}として正しくありません。");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field}を入力してください。");
        messages.SetMissingKeyOrValueAccessor(() => "値を入力してください。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "送信内容が空です。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "値が正しくありません。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "数値で入力してください。");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field}の値が正しくありません。");
        messages.SetValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        messages.SetValueMustBeANumberAccessor(field => $"{field}は数値で入力してください。");
        messages.SetValueMustNotBeNullAccessor(value => $"{value}を入力してください。");
    }
}
