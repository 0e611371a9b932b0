using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>A POST form as a browser would submit it: its action and the values of its successful controls.</summary>
public sealed class HtmlForm
{
    public required string Action { get; init; }
    public required List<KeyValuePair<string, string>> Fields { get; init; }

    public string? Value(string name) => Fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>The fields without the antiforgery token (the poster adds its own).</summary>
    public List<KeyValuePair<string, string>> WithoutToken() => Fields.Where(f => f.Key != "__RequestVerificationToken").ToList();

    /// <summary>Parses every method="post" form of a page; a form without action posts back to <paramref name="pageUrl"/>.</summary>
    public static List<HtmlForm> ParseAll(string html, string pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var forms = new List<HtmlForm>();
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)) continue;
            var action = form.GetAttribute("action");
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
                switch (element)
                {
                    case IHtmlInputElement input:
                        var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                        if (type is "submit" or "button" or "image" or "reset" or "file") continue;
                        if (type is "checkbox" or "radio")
                        {
                            if (input.HasAttribute("checked")) fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                            continue;
                        }
                        fields.Add(new(name, input.GetAttribute("value") ?? ""));
                        break;
                    case IHtmlTextAreaElement textarea:
                        fields.Add(new(name, textarea.TextContent.StartsWith('\n') ? textarea.TextContent[1..] : textarea.TextContent));
                        break;
                    case IHtmlSelectElement select:
                        var options = select.QuerySelectorAll("option").OfType<IHtmlOptionElement>().ToList();
                        var chosen = options.Where(o => o.HasAttribute("selected")).ToList();
                        if (chosen.Count == 0 && !select.HasAttribute("multiple") && options.Count > 0) chosen.Add(options[0]);
                        fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.GetAttribute("value") ?? o.TextContent)));
                        break;
                }
            }
            forms.Add(new HtmlForm { Action = string.IsNullOrEmpty(action) ? pageUrl : System.Net.WebUtility.HtmlDecode(action), Fields = fields });
        }
        return forms;
    }
}
