using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Portal.Core.Content;

/// <summary>Sanitises staff-written HTML before it is stored; one configured instance is thread-safe.</summary>
public sealed class RichText
{
    private readonly HtmlSanitizer _sanitizer;

    public RichText()
    {
        _sanitizer = new HtmlSanitizer();
        // Staff content needs no images from other hosts nor inline styling.
        _sanitizer.AllowedTags.Remove("img");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedSchemes.Add("tel");
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
                link.SetAttribute("rel", "noopener noreferrer");
        };
    }

    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html).Trim();

    /// <summary>The text of stored HTML, for search and plain-text mail.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = new HtmlParser().ParseDocument("<body>" + html);
        // A block ends a line, so words on either side do not run together.
        foreach (var block in document.Body!.QuerySelectorAll("p, li, br, h1, h2, h3, h4, h5, h6, div, tr"))
            block.After(document.CreateTextNode("\n"));
        return document.Body.TextContent.Trim();
    }
}
