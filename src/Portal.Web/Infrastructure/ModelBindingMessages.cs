using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Portal.Web.Infrastructure;

/// <summary>Binding errors ("abc" for a number) in the visitor's language: Japanese unless English was chosen.</summary>
public static class ModelBindingMessages
{
    public static void UseJapanese(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => Pick($"「{value}」は{field}として正しくありません。", $"'{value}' is not valid for {field}."));
        messages.SetMissingBindRequiredValueAccessor(field => Pick($"{field}を入力してください。", $"Enter {field}."));
        messages.SetMissingKeyOrValueAccessor(() => Pick("値を入力してください。", "Enter a value."));
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Pick("送信内容が空です。", "The request body is empty."));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Pick($"「{value}」は正しい値ではありません。", $"'{value}' is not valid."));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Pick("値が正しくありません。", "The value is not valid."));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Pick("数値で入力してください。", "Enter a number."));
        messages.SetUnknownValueIsInvalidAccessor(field => Pick($"{field}の値が正しくありません。", $"The value for {field} is not valid."));
        messages.SetValueIsInvalidAccessor(value => Pick($"「{value}」は正しい値ではありません。", $"'{value}' is not valid."));
        messages.SetValueMustBeANumberAccessor(field => Pick($"{field}は数値で入力してください。", $"{field} must be a number."));
        messages.SetValueMustNotBeNullAccessor(value => Pick($"{value}を入力してください。", $"Enter {value}."));
    }

    private static string Pick(string japanese, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : japanese;
}
