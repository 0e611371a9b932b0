using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>An HTTP client acting as one browser: cookies kept, antiforgery tokens read from the forms it fetched.</summary>
public sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalClient(Uri baseAddress) : this(baseAddress, new CookieContainer()) { }

    /// <summary>
    /// A client on <paramref name="cookies"/> shared with other clients: cookies belong to the host, not the port, so
    /// clients of two nodes on 127.0.0.1 sharing one jar are one browser behind a load balancer.
    /// </summary>
    public PortalClient(Uri baseAddress, CookieContainer cookies)
    {
        Cookies = cookies;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>Sends any request with this client's cookies (raw bodies, other content types and methods).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public async Task<string> GetStringAsync(string url)
    {
        var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }

    /// <summary>
    /// GETs <paramref name="formUrl"/>, takes its antiforgery token (and the one-time submission key of a create form, unless
    /// the fields bring one) and POSTs the fields to <paramref name="postUrl"/> (default: the same URL).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string formUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await GetStringAsync(formUrl);
        return await _http.PostAsync(postUrl ?? formUrl, FormContent(page, AntiforgeryToken(page), fields));
    }

    /// <summary>The fields as a browser sends them from <paramref name="page"/>'s form: with its token and submission key.</summary>
    private static FormUrlEncodedContent FormContent(string page, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var sent = fields.Append(new("__RequestVerificationToken", token)).ToList();
        if (SubmissionKeyPattern().Match(page) is { Success: true } key && sent.All(f => f.Key != SubmissionKeyField))
            sent.Add(new(SubmissionKeyField, key.Groups[1].Value));
        return new FormUrlEncodedContent(sent);
    }

    /// <summary>The hidden one-time key each create form carries (Portal.Core.Forms.FormSubmissions.KeyField).</summary>
    public const string SubmissionKeyField = "__SubmissionKey";

    [GeneratedRegex("name=\"__SubmissionKey\" value=\"([^\"]+)\"")]
    private static partial Regex SubmissionKeyPattern();

    /// <summary>POSTs with a token taken from another page the user may see (to reach a form the user may not GET).</summary>
    public async Task<HttpResponseMessage> PostWithTokenFromAsync(string tokenPageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = AntiforgeryToken(await GetStringAsync(tokenPageUrl));
        return await _http.PostAsync(postUrl, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>GETs a form page as a browser would show it; the returned form posts later with the token it was rendered with.</summary>
    public async Task<OpenForm> OpenFormAsync(string url)
    {
        var response = await _http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return new OpenForm(url, html, AntiforgeryToken(html));
    }

    /// <summary>POSTs the fields of a form opened earlier with <see cref="OpenFormAsync"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(OpenForm form, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null) =>
        _http.PostAsync(postUrl ?? form.Url, FormContent(form.Html, form.Token, fields));

    public async Task LoginAsync(string userName, string password = TestUsers.Password)
    {
        var response = await SubmitFormAsync("/account/login", [new("Input.UserName", userName), new("Input.Password", password)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login of {userName} failed with {(int)response.StatusCode}.");
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The value attribute of the input named <paramref name="name"/> (as rendered by the input tag helper).</summary>
    public static string InputValue(string html, string name)
    {
        var input = Regex.Match(html, "<input[^>]*\\bname=\"" + Regex.Escape(name) + "\"[^>]*>");
        if (!input.Success) throw new InvalidOperationException($"The page has no input named {name}.");
        var value = Regex.Match(input.Value, "\\bvalue=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
    }

    public void Dispose() => _http.Dispose();
}
