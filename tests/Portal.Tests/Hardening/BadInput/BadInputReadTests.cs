using System.Net;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// The bad-input corpus against every GET page and API (see <see cref="ReadCorpus"/>): malformed and huge query strings,
/// arrays, NUL and broken UTF-8, script in every parameter, Lucene syntax in the search box, bad ids in the path and
/// other methods and content types on the APIs. Never a 5xx, never a script reflected unescaped, never a redirect to
/// another site, and a GET never writes to the database.
/// </summary>
public class BadInputReadTests(CorpusSite site) : IClassFixture<CorpusSite>
{
    private static readonly string[] Reflected = ["<script>alert(1)</script>", "<img src=x", "onerror=alert(1)>"];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in ReadCorpus.All)
        {
            data.Add(endpoint.Pattern, "valid", "");
            data.Add(endpoint.Pattern, "junk", "");
            foreach (var parameter in endpoint.Query)
            {
                for (var i = 0; i < ReadCorpus.Values.Length; i++)
                    data.Add(endpoint.Pattern, "query", $"{parameter}#{i}");
                foreach (var shape in new[] { "repeated", "brackets", "indexed", "empty", "no-value" })
                    data.Add(endpoint.Pattern, "query-shape", $"{parameter}#{shape}");
            }
            foreach (var parameter in endpoint.Query.Where(IsReturnAddress))
                for (var i = 0; i < ReadCorpus.RedirectTargets.Length; i++)
                    data.Add(endpoint.Pattern, "redirect", $"{parameter}#{i}");
            for (var i = 0; i < endpoint.Extra.Length; i++)
                data.Add(endpoint.Pattern, "extra", i.ToString());
            if (endpoint.SearchParameter is not null)
                for (var i = 0; i < ReadCorpus.SearchSyntax.Length; i++)
                    data.Add(endpoint.Pattern, "search", i.ToString());
            if (endpoint.UrlWithId is not null)
                foreach (var id in ReadCorpus.Ids)
                    data.Add(endpoint.Pattern, "id", id);
            if (endpoint.Api)
                foreach (var method in new[] { "POST-json", "POST-form", "POST-text", "PUT", "DELETE", "PATCH" })
                    data.Add(endpoint.Pattern, "method", method);
            foreach (var body in new[] { "multipart-without-boundary", "multipart-cut-off", "form-garbage" })
                data.Add(endpoint.Pattern, "get-with-body", body);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_queries_never_fail_the_server_reflect_script_or_write(string pattern, string kind, string variant)
    {
        var endpoint = ReadCorpus.Get(pattern);
        var url = await site.ResolveAsync(endpoint.Url);
        var path = url.Split('?')[0];
        var query = url.Contains('?') ? url[(url.IndexOf('?') + 1)..] : "";
        var method = HttpMethod.Get;
        HttpContent? content = null;

        switch (kind)
        {
            case "valid":
                break;
            case "junk":
                query = Join(query, "page=%%&x[]=1&x[]=2&%00=1&" + new string('z', 3000) + "=1");
                break;
            case "query":
            {
                var (parameter, index) = Split(variant);
                query = Join(Without(query, parameter), $"{parameter}={ReadCorpus.Values[int.Parse(index)]}");
                break;
            }
            case "query-shape":
            {
                var (parameter, shape) = Split(variant);
                query = Join(Without(query, parameter), shape switch
                {
                    "repeated" => $"{parameter}=1&{parameter}=2&{parameter}=abc",
                    "brackets" => $"{parameter}[]=1&{parameter}[]=2",
                    "indexed" => $"{parameter}[0]=1&{parameter}[x]=2&{parameter}.y=3",
                    "empty" => $"{parameter}=",
                    _ => parameter,
                });
                break;
            }
            case "redirect":
            {
                var (parameter, index) = Split(variant);
                query = Join(Without(query, parameter), $"{parameter}={ReadCorpus.RedirectTargets[int.Parse(index)]}");
                break;
            }
            case "extra":
                query = endpoint.Extra[int.Parse(variant)];
                break;
            case "search":
                query = Join(Without(query, endpoint.SearchParameter!), $"{endpoint.SearchParameter}={Uri.EscapeDataString(ReadCorpus.SearchSyntax[int.Parse(variant)])}");
                break;
            case "id":
                path = await site.ResolveAsync(endpoint.UrlWithId!(variant));
                query = "";
                break;
            case "method":
                (method, content) = variant switch
                {
                    "POST-json" => (HttpMethod.Post, (HttpContent)new StringContent("{\"q\":\"防災\",\"ward\":[1,2]}", Encoding.UTF8, "application/json")),
                    "POST-form" => (HttpMethod.Post, new FormUrlEncodedContent([new("q", "防災")])),
                    "POST-text" => (HttpMethod.Post, new StringContent("q=防災", Encoding.UTF8, "text/plain")),
                    "PUT" => (HttpMethod.Put, new StringContent("{}", Encoding.UTF8, "application/json")),
                    "DELETE" => (HttpMethod.Delete, null),
                    _ => (HttpMethod.Patch, new StringContent("[]", Encoding.UTF8, "application/json-patch+json")),
                };
                break;
            case "get-with-body":
                // A GET is not expected to carry a form, but a page must not read one it cannot parse.
                content = variant switch
                {
                    "multipart-without-boundary" => Body("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1", "multipart/form-data"),
                    "multipart-cut-off" => Body("--b\r\nContent-Disposition: form-data; name=\"__SubmissionKey\"\r\n\r\n", "multipart/form-data; boundary=b"),
                    _ => Body("__SubmissionKey=%%zz&Input.Title=" + new string('x', 5000) + "&%00=1", "application/x-www-form-urlencoded"),
                };
                break;
            default:
                throw new ArgumentException(kind);
        }

        var target = query.Length == 0 ? path : path + "?" + query;
        var client = await site.ClientAsync(endpoint.User);
        await site.SnapshotAsync();
        using var response = await client.SendAsync(new HttpRequestMessage(method, target) { Content = content });
        var body = await response.Content.ReadAsStringAsync();
        if (endpoint.User is null) client.Dispose();
        var description = $"{method} {BadInputCases.Short(target)}";

        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{description} answered {status}: {BadInputCases.Short(body)}");
        if (kind == "valid")
            Assert.True(endpoint.ValidStatus is { } expected ? status == expected : status is 200 or 302, $"{description}: the corpus URL itself answered {status}");
        if (kind == "method")
            Assert.True(status is 405 or 404 or 400, $"{description} answered {status}: another method was accepted");
        foreach (var payload in Reflected)
            Assert.False(body.Contains(payload, StringComparison.OrdinalIgnoreCase), $"{description} reflected {payload} unescaped");
        if (response.Headers.Location is { } location)
        {
            var target2 = location.OriginalString;
            Assert.True(target2.All(char.IsAscii) && !target2.Any(char.IsControl), $"{description} redirected to {target2}, which is not encoded");
            Assert.True(!location.IsAbsoluteUri && target2.StartsWith('/') && !target2.StartsWith("//") && !target2.StartsWith("/\\")
                        || location.IsAbsoluteUri && location.Host == site.Host.BaseAddress.Host,
                $"{description} redirected to {target2}");
        }
        if (status >= 400 && response.Headers.Contains("Content-Security-Policy"))
            Assert.False(string.IsNullOrWhiteSpace(body), $"{description} answered {status} with an empty body");
        var changes = await site.ChangesSinceLastCheckAsync();
        Assert.True(changes.Length == 0, $"{description} changed the database:\n{changes}");
    }

    public static TheoryData<string, int> HostCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var endpoint in ReadCorpus.All)
            for (var i = 0; i < ReadCorpus.Hosts.Length; i++)
                data.Add(endpoint.Pattern, i);
        return data;
    }

    /// <summary>
    /// Every endpoint with every bad Host header, on a raw socket (HttpClient will not send most of them): never a 5xx,
    /// always the security headers, and the Host never reflected in a link (the feeds' absolute links come from
    /// Portal:PublicBaseUrl). The site's own host with a port out of range passes the host filter and reaches the pages.
    /// </summary>
    [Theory]
    [MemberData(nameof(HostCases))]
    public async Task Bad_host_headers_never_fail_the_server_or_reach_a_link(string pattern, int hostIndex)
    {
        var endpoint = ReadCorpus.Get(pattern);
        var host = ReadCorpus.Hosts[hostIndex];
        var url = await site.ResolveAsync(endpoint.Url);
        var client = await site.ClientAsync(endpoint.User);
        var cookies = client.Cookies.GetCookieHeader(site.Host.BaseAddress);
        await site.SnapshotAsync();
        var response = await RawHttp.GetAsync(site.Host.BaseAddress, url, host, cookies.Length > 0 ? ["Cookie: " + cookies] : []);
        if (endpoint.User is null) client.Dispose();
        var description = $"GET {BadInputCases.Short(url)} with Host: {BadInputCases.Short(host)}";

        Assert.True(response.Status < 500, $"{description} answered {response.Status}: {BadInputCases.Short(response.Body)}");
        Assert.True(response.Header("Content-Security-Policy") is { Length: > 0 } && response.Header("X-Content-Type-Options") == "nosniff",
            $"{description} answered {response.Status} without the security headers");
        if (response.Status >= 400)
            Assert.False(string.IsNullOrWhiteSpace(response.Body), $"{description} answered {response.Status} with an empty body");
        // The Host as a link would have it: the whole value, or its name when the name is not the site's own.
        var reflected = host.StartsWith("127.0.0.1:") ? host : host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        Assert.False(response.Body.Contains(reflected, StringComparison.OrdinalIgnoreCase), $"{description} reflected the host in its body");
        Assert.False(response.Header("Location")?.Contains(reflected, StringComparison.OrdinalIgnoreCase) == true,
            $"{description} redirected to {response.Header("Location")}");
        var changes = await site.ChangesSinceLastCheckAsync();
        Assert.True(changes.Length == 0, $"{description} changed the database:\n{changes}");
    }

    private static StringContent Body(string text, string contentType)
    {
        var content = new StringContent(text);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static bool IsReturnAddress(string parameter) => parameter.Equals("returnUrl", StringComparison.OrdinalIgnoreCase);

    private static string Join(string query, string more) => query.Length == 0 ? more : query + "&" + more;

    private static string Without(string query, string parameter) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(parameter + "=", StringComparison.Ordinal)));

    private static (string, string) Split(string variant)
    {
        var at = variant.LastIndexOf('#');
        return (variant[..at], variant[(at + 1)..]);
    }
}
