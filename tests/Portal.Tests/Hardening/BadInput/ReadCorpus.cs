using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>Every GET endpoint of the portal. The completeness test fails when the site has one not listed here.</summary>
public static class ReadCorpus
{
    public const string Admin = TestUsers.Admin;

    public static readonly ReadEndpoint[] All =
    [
        new("/", "/"),
        new("/account/login", "/account/login") { Query = ["ReturnUrl"] },
        new("/account/logout", "/account/logout"),
        new("/error/{code:int?}", "/error/404") { UrlWithId = c => $"/error/{c}", ValidStatus = 404 },
        new("/culture", "/culture?lang=en&returnUrl=/") { Query = ["lang", "returnUrl"], Api = true },

        new("/councils", "/councils") { Query = ["ward", "field", "p"], Extra = ["field=Health,Welfare", "field=63", "ward=27127&p=99999"] },
        new("/councils/map", "/councils/map") { Query = ["ward"] },
        new("/councils/{id:int}", $"/councils/{{council:{FormCorpus.KitaCouncil}}}") { UrlWithId = id => $"/councils/{id}" },
        new("/councils/{councilId:int}/updates/{id:int}", $"/councils/{{council:{FormCorpus.KitaCouncil}}}/updates/{{update:kita-community}}")
            { UrlWithId = id => $"/councils/{{council:{FormCorpus.KitaCouncil}}}/updates/{id}" },
        new("/api/councils", "/api/councils") { Query = ["ward", "field", "page"], Api = true },
        new("/api/councils/geojson", "/api/councils/geojson") { Query = ["ward"], Api = true },
        new("/api/councils/{id:int}", $"/api/councils/{{council:{FormCorpus.KitaCouncil}}}") { UrlWithId = id => $"/api/councils/{id}", Api = true },
        new("/councils/feeds/updates.atom", "/councils/feeds/updates.atom") { Api = true },
        new("/councils/feeds/ward/{wardCode}.atom", "/councils/feeds/ward/27127.atom") { UrlWithId = c => $"/councils/feeds/ward/{c}.atom", Api = true },
        new("/staff/councils", "/staff/councils", Admin),
        new("/staff/councils/edit/{id:int?}", $"/staff/councils/edit/{{council:{FormCorpus.KitaCouncil}}}", Admin) { UrlWithId = id => $"/staff/councils/edit/{id}" },
        new("/staff/updates/edit/{id:int?}", "/staff/updates/edit/{update:kita-community}", Admin) { UrlWithId = id => $"/staff/updates/edit/{id}", Query = ["councilId"] },
        new("/staff/updates/{id:int}/history", "/staff/updates/{update:kita-community}/history", Admin) { UrlWithId = id => $"/staff/updates/{id}/history" },

        new("/meetings", "/meetings") { Query = ["ward"] },
        new("/meetings/{id:int}", $"/meetings/{{meeting:{FormCorpus.KitaMeeting}}}") { UrlWithId = id => $"/meetings/{id}" },
        new("/meetings/{id:int}.ics", $"/meetings/{{meeting:{FormCorpus.KitaMeeting}}}.ics") { UrlWithId = id => $"/meetings/{id}.ics", Api = true },
        new("/meetings/feeds/ward/{wardCode}.ics", "/meetings/feeds/ward/27127.ics") { UrlWithId = c => $"/meetings/feeds/ward/{c}.ics", Api = true },
        new("/meetings/feeds/organisation/{orgKey}.ics", "/meetings/feeds/organisation/kita-ward-office.ics")
            { UrlWithId = k => $"/meetings/feeds/organisation/{k}.ics", Api = true },
        new("/opendata", "/opendata"),
        new("/opendata/meetings.csv", "/opendata/meetings.csv")
        {
            Query = ["ward", "from", "to"], Api = true,
            Extra = ["from=2026-12-31&to=2026-01-01", "from=2026-02-30", "to=10000-01-01", "from=1999-12-31", "to=2201-01-01", "ward=271270", "ward=27127&ward=27128"],
        },
        new("/staff/meetings", "/staff/meetings", Admin),
        new("/staff/meetings/edit/{id:int?}", $"/staff/meetings/edit/{{meeting:{FormCorpus.KitaMeeting}}}", Admin) { UrlWithId = id => $"/staff/meetings/edit/{id}" },
        new("/staff/meetings/{id:int}/attendance", $"/staff/meetings/{{meeting:{FormCorpus.KitaMeeting}}}/attendance", Admin)
            { UrlWithId = id => $"/staff/meetings/{id}/attendance" },
        new("/staff/meetings/{id:int}/minutes", $"/staff/meetings/{{meeting:{FormCorpus.KitaMeeting}}}/minutes", Admin) { UrlWithId = id => $"/staff/meetings/{id}/minutes" },
        new("/staff/meetings/{id:int}/minutes/history", $"/staff/meetings/{{meeting:{FormCorpus.KitaMeeting}}}/minutes/history", Admin)
            { UrlWithId = id => $"/staff/meetings/{id}/minutes/history" },

        new("/search", "/search?q=防災") { Query = ["q", "type", "ward", "p"], SearchParameter = "q", Extra = ["q=防災&p=1001", "q=防災&type=meeting&ward=99999", "q=" + new string('あ', 201)] },
        new("/api/search", "/api/search?q=防災") { Query = ["q", "type", "ward", "page"], SearchParameter = "q", Api = true, Extra = ["q=防災&page=1001", "q=" + new string('あ', 201)] },
        new("/admin/search", "/admin/search", Admin),

        new("/taskforces", "/taskforces"),
        new("/taskforces/overdue", "/taskforces/overdue", TestUsers.KitaWard),
        new("/taskforces/{id:int}", "/taskforces/{taskforce}") { UrlWithId = id => $"/taskforces/{id}" },
        new("/staff/taskforces/edit/{id:int?}", "/staff/taskforces/edit/{taskforce}", Admin) { UrlWithId = id => $"/staff/taskforces/edit/{id}" },
        new("/staff/taskforces/{taskForceId:int}/sessions/edit/{id:int?}", "/staff/taskforces/{taskforce}/sessions/edit/{session:0}", Admin)
            { UrlWithId = id => $"/staff/taskforces/{{taskforce}}/sessions/edit/{id}" },
        new("/staff/taskforces/{taskForceId:int}/actions/edit/{id:int?}", $"/staff/taskforces/{{taskforce}}/actions/edit/{{action:{FormCorpus.KitaAction}}}", Admin)
            { UrlWithId = id => $"/staff/taskforces/{{taskforce}}/actions/edit/{id}" },

        new("/voice", "/voice") { Query = ["ward", "category", "status", "p"], Extra = ["ward=27127&category=99999&status=99999", "p=2147483648"] },
        new("/voice/{id:int}", $"/voice/{{voice:{FormCorpus.KitaWardVoice}}}") { UrlWithId = id => $"/voice/{id}" },
        new("/staff/voice", "/staff/voice", TestUsers.KitaWard) { Query = ["department", "sort"] },
        new("/staff/voice/{id:int}", $"/staff/voice/{{voice:{FormCorpus.KitaWardVoice}}}", Admin) { UrlWithId = id => $"/staff/voice/{id}" },
        new("/staff/voice/edit/{id:int?}", $"/staff/voice/edit/{{voice:{FormCorpus.KitaWardVoice}}}", Admin) { UrlWithId = id => $"/staff/voice/edit/{id}" },
        new("/staff/voice/settings", "/staff/voice/settings", Admin),
        new("/staff/voice/routing", "/staff/voice/routing", Admin) { Query = ["ward"] },

        new("/support-organisations", "/support-organisations") { Query = ["ward", "service"] },
        new("/support-organisations/compare", "/support-organisations/compare?ids={profile:support-machizukuri-lab}&ids={profile:support-kita-miyako-net}")
            { Query = ["ids"], Extra = ["ids=1&ids=1", "ids=" + string.Join("&ids=", Enumerable.Range(1, 200)), "ids=1,2,3"] },
        new("/support-organisations/{id:int}", "/support-organisations/{profile:support-machizukuri-lab}") { UrlWithId = id => $"/support-organisations/{id}" },
        new("/staff/support-choices", "/staff/support-choices", Admin) { Query = ["ward", "year"], Extra = ["year=1999", "year=2100&ward=27128", "ward=27127&ward=27128"] },
        new("/staff/support-choices/councils", "/staff/support-choices/councils", TestUsers.KitaCommunity),
        new("/staff/support-choices/councils/{councilId:int}", $"/staff/support-choices/councils/{{council:{FormCorpus.KitaCouncil}}}", Admin)
            { Query = ["year"], UrlWithId = id => $"/staff/support-choices/councils/{id}" },
        new("/staff/support-profile/{id:int?}", "/staff/support-profile/{profile:support-bayside}", Admin) { UrlWithId = id => $"/staff/support-profile/{id}" },

        new("/digests/subscriptions", "/digests/subscriptions", TestUsers.KitaWard),
        new("/admin/digests", "/admin/digests", Admin),
        new("/digests/unsubscribe/{token}", "/digests/unsubscribe/{unsubscribe:chuo-ward}") { UrlWithId = t => $"/digests/unsubscribe/{t}" },
    ];

    /// <summary>Bad values for any query parameter: broken encodings, NUL, arrays (added by the case), huge, script, numbers out of range.</summary>
    public static readonly string[] Values =
    [
        "%%", "%00", "a%00b", "%E3%81", "%C0%AF", "%FF%FE", "-1", "0", "2147483648", "99999999999999999999", "1e9", "abc", "%EF%BC%91%EF%BC%92",
        "%E2%80%AE", "%20%20", Uri.EscapeDataString("<script>alert(1)</script>"), Uri.EscapeDataString("\"><img src=x onerror=alert(1)>"),
        Uri.EscapeDataString("javascript:alert(1)"), "//evil.example/", new string('9', 6000), new string('x', 40_000),
    ];

    /// <summary>Lucene query syntax, broken and expensive.</summary>
    public static readonly string[] SearchSyntax =
    [
        "title:(", "*", "?", "\"unclosed", "~", "\\", "a\\", "*:*", "title:*", "a*", "*a", "[a TO", "{a TO b}", "[* TO *]", "a^99999999",
        "a~2.5", "/[/", "/.*/", "/(a|b)*c/", "((((((((((", "))))", "a AND", "OR", "NOT", "&&", "||", "!", "-", "+", "a OR OR b",
        "audience:public", "ward:27128", "type:voice-item", "uid:*", "\"防災\"~99999", "防災*", "title:防災^", "a:b:c", "\u0000",
        string.Join(' ', Enumerable.Repeat("a", 100)), string.Join(' ', Enumerable.Repeat("あ OR", 40)),
    ];

    /// <summary>Bad ids for the path: out of range, negative, not numbers, other encodings.</summary>
    public static readonly string[] Ids = ["0", "-1", "2147483647", "2147483648", "abc", "1.5", "%2e%2e", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd"];

    /// <summary>
    /// Host headers (sent on a raw socket, on every endpoint): unknown, broken punycode, IDN, ports out of range, oversized,
    /// and the site's own host with ports out of range (which passes the host filter and reaches the feeds' links).
    /// </summary>
    public static readonly string[] Hosts =
    [
        "evil.example", "xn--a.example", "xn--a.example:99999", "xn--wgv71a119e.example", "evil.example:99999", "evil.example:0",
        "evil.example:65536", "[::1]:99999", new string('a', 300), new string('a', 63) + "." + new string('b', 250) + ".example",
        "127.0.0.1:99999", "127.0.0.1:0", "127.0.0.1:" + new string('9', 40),
    ];

    /// <summary>
    /// Return addresses (login's ReturnUrl, /culture's returnUrl) as written in the query string (form posts send them
    /// decoded): non-ASCII, control characters, emoji, broken UTF-8, and addresses of other sites. Each must send the
    /// visitor to a local path written in ASCII, or be refused with a 4xx.
    /// </summary>
    public static readonly string[] RedirectTargets =
    [
        "/search?q=防災", "%2Fsearch%3Fq%3D%E9%98%B2%E7%81%BD", "/%09/x", "/%00", "/%0D%0A", "/%0D%0ASet-Cookie:%20x=1", "/😀",
        "/%F0%9F%98%80", "/%ED%A0%BD", "/%C0%AF", "//evil.example", "/%5Cevil.example", "/%09/evil.example", "%2F%2Fevil.example",
        "https://evil.example/", "javascript:alert(1)", "／／evil.example", "/%E2%80%AE/x", "/" + new string('あ', 500),
    ];

    public static ReadEndpoint Get(string pattern) => All.Single(e => e.Pattern == pattern);
}
