using Microsoft.Extensions.Configuration;

namespace Portal.Core;

/// <summary>
/// The site's public address (Portal:PublicBaseUrl), e.g. https://portal.city.osaka.lg.jp/. Every absolute link the
/// site writes — feeds, calendars, open data, mails — starts with it, never with the request's Host header, which any
/// client can set (and which, malformed, made those links throw).
/// </summary>
public sealed class PublicBaseUrl
{
    public const string Setting = "Portal:PublicBaseUrl";
    public const string Default = "http://localhost:5000";

    private PublicBaseUrl(Uri root) => Root = root;

    /// <summary>The address with a trailing slash, so relative paths resolve below it.</summary>
    public Uri Root { get; }

    /// <summary>The host name (ASCII, punycode for an IDN), e.g. for mail Message-IDs, tag: URIs and host filtering.</summary>
    public string Host => Root.IdnHost;

    /// <summary>The absolute URL of a site path such as /meetings/12.</summary>
    public Uri Absolute(string path) => new(Root, path.TrimStart('/'));

    /// <summary>Reads and checks the setting; a value that is not an absolute http(s) address stops the start with the reason.</summary>
    public static PublicBaseUrl From(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
            value = Default;
        value = value.Trim();
        if (!Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var root)
            || root.Scheme is not ("http" or "https")
            || root.Host.Length == 0
            || root.Query.Length > 0
            || root.Fragment.Length > 0
            || root.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{Setting} holds '{value}', which is not the site's absolute http or https address (e.g. https://portal.example.jp/).");
        }
        return new PublicBaseUrl(root);
    }
}
