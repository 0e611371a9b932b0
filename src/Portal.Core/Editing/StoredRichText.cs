using Microsoft.Extensions.Localization;
using Portal.Core.Content;

namespace Portal.Core.Editing;

/// <summary>
/// A rich-text field as an editor stores it: sanitised once, and refused when the sanitised HTML is longer than its
/// column. "&lt;" typed as text is stored as "&amp;lt;", so 20,000 typed characters can be 80,000 stored ones.
/// </summary>
public sealed class StoredRichText(RichText richText, IStringLocalizer<Strings> T)
{
    /// <returns>The HTML to store, or (Refused) the field error when it does not fit in <paramref name="maxLength"/>.</returns>
    public (string Html, EditResult? Refused) Sanitise(string? html, int maxLength, string field)
    {
        var sanitised = richText.Sanitize(html);
        return sanitised.Length <= maxLength
            ? (sanitised, null)
            : (sanitised, EditResult.Invalid(field,
                T["本文は保存できる長さ（{0}文字）を超えています。「<」や「&」などの記号は、保存するときに長い表記に置き換わります。", maxLength]));
    }
}
