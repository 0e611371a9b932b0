using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// Turns the form specs into cases (form × kind of bad input × variant) and a case into a request: the form is rendered
/// the way a browser would submit it, then the one thing the case is about is made bad.
/// </summary>
public static class BadInputCases
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>A value beyond every form limit of ASP.NET Core (FormOptions.ValueLengthLimit is 4 MiB).</summary>
    public const int HugeLength = 5 * 1024 * 1024;

    private static readonly string[] Ids = ["0", "-1", "2147483648", "abc", "99999999"];

    private static readonly string[] DateTimes =
    [
        "2026-13-45T10:00", "0000-00-00T00:00", "text", "明日の午後", "10000-01-01T10:00", "0001-01-01T00:00", "9999-12-31T23:59",
        "1999-12-31T23:59", "2201-01-01T10:00", "2026-02-30T10:00", "2026-01-01T25:61", "2026-01-01T10:00%00",
    ];

    private static readonly string[] Dates =
    [
        "2026-13-45", "0000-00-00", "text", "10000-01-01", "0001-01-01", "9999-12-31", "1999-12-31", "2201-01-01", "2026-02-30", "20261120",
    ];

    public static readonly string[] ContentKinds = ["json", "text", "none", "multipart-overlong", "form-labelled-json"];

    /// <summary>Every case of every form: (form name, kind, variant).</summary>
    public static IEnumerable<(string Form, string Kind, string Variant)> All()
    {
        foreach (var spec in FormCorpus.All)
        {
            if (spec.UrlWithId is not null)
                foreach (var value in spec.UrlValues)
                    yield return (spec.Name, "url-id", value);
            yield return (spec.Name, "huge", "");
            if (spec.OnlyUrls) continue;

            yield return (spec.Name, "too-many-fields", "");
            if (spec.Antiforgery)
            {
                yield return (spec.Name, "no-token", "");
                yield return (spec.Name, "json-no-token", "");
            }
            foreach (var attack in spec.Attacks)
                yield return (spec.Name, "attack", attack.Name);
            if (spec.Bodyless) continue;

            foreach (var kind in ContentKinds)
                yield return (spec.Name, "content-type", kind);
            foreach (var field in spec.Text.Keys)
                yield return (spec.Name, "overlong", field);
            if (spec.Text.Count > 0)
                yield return (spec.Name, "nul", spec.Text.Keys.First());
            foreach (var (field, date) in spec.Dates)
            {
                foreach (var value in date.Kind == DateKind.DateTime ? DateTimes : Dates)
                    yield return (spec.Name, "date", $"{field}={value}");
                if (date.Required)
                    yield return (spec.Name, "date", $"{field}=");
            }
            foreach (var range in spec.Ranges)
                yield return (spec.Name, "range", $"{range.Start}={range.ValidStart};{range.End}={range.BadEnd}");
            foreach (var field in spec.Ids)
                foreach (var value in Ids)
                    yield return (spec.Name, "id", $"{field}={value}");
            foreach (var prefix in spec.Missing)
                yield return (spec.Name, "missing", prefix);
            foreach (var (field, values) in spec.Invalid)
                for (var i = 0; i < values.Length; i++)
                    yield return (spec.Name, "invalid", $"{field}#{i}");
        }
    }

    /// <summary>The valid submission of a form: rendered for <paramref name="renderAs"/>, with the spec's fill-in values.</summary>
    public static async Task<(HtmlForm Form, List<KeyValuePair<string, string>> Fields)> RenderAsync(
        CorpusSite site, FormSpec spec, string? renderAs, string page, Func<HtmlForm, bool>? select, IReadOnlyDictionary<string, string> fill)
    {
        var url = await site.ResolveAsync(page);
        var html = await site.PageAsync(renderAs, url);
        var forms = HtmlForm.ParseAll(html, url).Where(f => spec.Name == "account.logout" || f.Action != "/account/logout").ToList();
        select ??= spec.Select ?? (spec.Handler is null
            ? f => !f.Action.Contains("handler=", StringComparison.OrdinalIgnoreCase)
            : f => f.Action.Contains("handler=" + spec.Handler, StringComparison.OrdinalIgnoreCase));
        var form = forms.FirstOrDefault(select) ?? throw new InvalidOperationException($"{spec.Name}: no matching form on {url} ({forms.Count} POST forms).");
        var fields = form.WithoutToken();
        foreach (var (name, value) in fill)
            fields.Set(name, await site.ResolveAsync(value));
        return (form, fields);
    }

    public static async Task<CorpusRequest> BuildAsync(CorpusSite site, string formName, string kind, string variant)
    {
        var spec = FormCorpus.Get(formName);
        var user = spec.User;
        string? postUrl = null;
        HtmlForm form;
        List<KeyValuePair<string, string>> fields;
        var description = $"{spec.Name} {kind} {variant}";

        if (kind == "attack")
        {
            var attack = spec.Attacks.Single(a => a.Name == variant);
            user = attack.Attacker;
            (form, fields) = await RenderAsync(site, spec, attack.RenderAs, attack.Page, attack.Select, spec.Fill);
            foreach (var (name, value) in attack.Overrides)
                fields.Set(name, await site.ResolveAsync(value));
            postUrl = attack.PostUrl is null ? null : await site.ResolveAsync(attack.PostUrl);
            description = $"{spec.Name}: {attack.Attacker} — {attack.Name}";
        }
        else
        {
            (form, fields) = await RenderAsync(site, spec, user, spec.Page, null, spec.Fill);
        }
        if (spec.OnlyUrls)
            postUrl = spec.UrlWithId!("0");

        var client = spec.FreshClient ? await site.FreshClientAsync(user) : await site.ClientAsync(user);
        var token = spec.Antiforgery ? await site.TokenAsync(client, user is not null) : null;
        var withToken = true;
        HttpContent? content = null;
        var headerToken = false;

        switch (kind)
        {
            case "attack":
                break;
            case "url-id":
                postUrl = spec.UrlWithId!(await site.ResolveAsync(variant));
                description += $" → {Short(postUrl)}";
                break;
            case "huge":
                // ASCII: 5 MiB in the body too, under Kestrel's 30 MB request limit (see the oversized-body test for that).
                fields.Set(spec.Text.Keys.FirstOrDefault() ?? "Padding", new string('a', HugeLength));
                break;
            case "too-many-fields":
                fields.AddRange(Enumerable.Range(0, 1500).Select(i => new KeyValuePair<string, string>($"Extra{i}", "x")));
                break;
            case "no-token":
                withToken = false;
                break;
            case "json-no-token":
                withToken = false;
                content = Json(fields);
                break;
            case "content-type":
                (content, headerToken, withToken) = variant switch
                {
                    "json" => (Json(fields), true, false),
                    "text" => (new StringContent(Encode(fields), Encoding.UTF8, "text/plain"), true, false),
                    "none" => (NoContentType(Encode(fields)), true, false),
                    "form-labelled-json" => (new StringContent(Encode(fields), Encoding.UTF8, "application/json"), true, false),
                    "multipart-overlong" => ((HttpContent?)null, false, true),
                    _ => throw new ArgumentException(variant),
                };
                if (variant == "multipart-overlong")
                {
                    // The same kind of refusal through the multipart reader: an over-long text, else a bad choice.
                    if (spec.Text.Count > 0)
                        fields.Set(spec.Text.Keys.First(), Overlong(spec.Text.Keys.First(), spec.Text.Values.First()));
                    else if (spec.Invalid.Count > 0)
                        fields.SetPattern(spec.Invalid.Keys.First(), await site.ResolveAsync(spec.Invalid.Values.First()[0]));
                    else
                        fields.SetPattern(spec.Ids[0], "abc");
                    content = Multipart(fields, token);
                }
                break;
            case "missing":
                fields.RemoveAll(f => f.Key.StartsWith(variant, StringComparison.Ordinal));
                break;
            case "nul":
                fields.Set(variant, "NUL\0の入った文字列");
                break;
            case "overlong":
                fields.Set(variant, Overlong(variant, spec.Text[variant]));
                break;
            case "date" or "id":
            {
                var (field, value) = Split(variant, '=');
                fields.SetPattern(field, await site.ResolveAsync(value));
                break;
            }
            case "range":
                foreach (var part in variant.Split(';'))
                {
                    var (field, value) = Split(part, '=');
                    fields.Set(field, value);
                }
                break;
            case "invalid":
            {
                var (field, index) = Split(variant, '#');
                var value = await site.ResolveAsync(spec.Invalid[field][int.Parse(index)]);
                fields.SetPattern(field, value);
                description += $" = {Short(value)}";
                break;
            }
            default:
                throw new ArgumentException($"Unknown kind {kind}.");
        }

        postUrl ??= await site.ResolveAsync(form.Action);
        if (content is null)
        {
            if (withToken && token is not null) fields.Add(new("__RequestVerificationToken", token));
            content = new FormUrlEncodedContent(fields);
        }
        var message = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = content };
        if (headerToken && token is not null)
            message.Headers.Add(AntiforgeryHeader, token);
        return new CorpusRequest(client, message, description, spec.FreshClient || user is null);
    }

    /// <summary>A value one character over the limit, in the shape the field expects (digits for phones, an address for mail, a URL for links).</summary>
    public static string Overlong(string field, int max)
    {
        if (field.Contains("Phone")) return new string('0', max + 1);
        if (field.Contains("Email")) return new string('a', max + 1 - "@example.jp".Length) + "@example.jp";
        if (field.Contains("Url")) return "https://example.jp/" + new string('a', max + 1 - "https://example.jp/".Length);
        return new string('あ', max + 1);
    }

    /// <summary>Sets a field; "Rules[*]" means the first field whose name starts with "Rules[".</summary>
    private static void SetPattern(this List<KeyValuePair<string, string>> fields, string field, string value)
    {
        if (field.EndsWith("[*]"))
        {
            var prefix = field[..^2];
            field = fields.First(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)).Key;
        }
        fields.Set(field, value);
    }

    private static (string, string) Split(string text, char separator)
    {
        var at = text.IndexOf(separator);
        return (text[..at], text[(at + 1)..]);
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static HttpContent Json(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(x => x.Value).ToArray());
        return new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }

    private static HttpContent NoContentType(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = null;
        return content;
    }

    private static HttpContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value, Encoding.UTF8), name);
        if (token is not null)
            content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new ByteArrayContent([0, 1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "Attachment", "x.bin");
        return content;
    }

    public static string Short(string value) =>
        value.Length > 80 ? value[..80].ReplaceLineEndings("⏎") + $"…({value.Length} chars)" : value.ReplaceLineEndings("⏎");
}
