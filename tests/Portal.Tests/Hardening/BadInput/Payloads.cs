namespace Portal.Tests.Hardening.BadInput;

/// <summary>Script and markup that must stay inert wherever stored text is shown.</summary>
public static class Payloads
{
    /// <summary>Sets window.__xss or opens a dialog if it ever runs.</summary>
    public const string Full =
        "<script>window.__xss=1;alert(1)</script>\"><img src=x onerror=\"window.__xss=1;alert(1)\"><svg onload=\"window.__xss=1\">'><iframe src=\"javascript:window.__xss=1\">";

    public const string Medium = "\"><img src=x onerror=alert(1)><script>alert(1)</script>";
    public const string Short = "\"><img src=x onerror=alert(1)>";
    public const string Tiny = "<svg onload=alert(1)>";

    /// <summary>
    /// Characters that are not text: C0 controls, DEL and a non-character, all of which XML refuses. (NUL never gets this
    /// far: ASP.NET Core refuses a form with NUL in it, see the "nul" cases of the form corpus.)
    /// </summary>
    public const string Controls = "\u0001\u0008\u000B\u000C\u001B\u001F\u007F\uFFFE";

    /// <summary>Rich text (update bodies, minutes) with every trick the sanitiser has to catch.</summary>
    public const string RichText =
        "<p>本文</p><script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=1\"><svg onload=\"window.__xss=1\"></svg>" +
        "<a href=\"javascript:window.__xss=1\">js</a><a href=\"jav&#x09;ascript:alert(1)\">tab</a><a href=\"JaVaScRiPt:alert(1)\">case</a>" +
        "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">data</a><iframe src=\"javascript:alert(1)\"></iframe>" +
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">b</button></form>" +
        "<div style=\"background:url(javascript:alert(1))\" onmouseover=\"alert(1)\">div</div><math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>" +
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">" +
        "<base href=\"javascript:alert(1)//\"><link rel=\"import\" href=\"x\"><noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>" +
        "<template><script>alert(1)</script></template><details open ontoggle=\"alert(1)\"><summary>s</summary></details>" +
        "<a href=\"https://example.jp/\" target=\"_blank\">ok</a><ul><li>一</li></ul>";

    /// <summary>The longest payload that fits the field, with control characters where they fit too.</summary>
    public static string For(string field, int max)
    {
        if (field.Contains("Phone")) return "06-0000-0000";
        if (field.Contains("Email")) return Short + "@example.jp";
        if (field.Contains("Url")) return "https://example.jp/?q=\"><img src=x onerror=alert(1)>";
        if (field.EndsWith(".Body")) return RichText;
        foreach (var candidate in new[] { Full + Controls, Full, Medium + Controls, Medium, Short, Tiny })
            if (candidate.Length <= max) return candidate;
        return Tiny[..max];
    }

    /// <summary>Strings that must never appear unescaped in an HTML page.</summary>
    public static readonly string[] Raw =
    [
        "<script>window.__xss", "<script>alert(1)", "<img src=x onerror", "<svg onload", "<iframe src=\"javascript", "href=\"javascript:",
        "onerror=\"window.__xss", "ontoggle=", "onmouseover=",
    ];
}
