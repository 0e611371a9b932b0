using System.Text;

namespace Portal.Web.Infrastructure;

/// <summary>
/// The one check for "send the visitor back to where they came from" (login's ReturnUrl, /culture's returnUrl): only a
/// path on this site, and written so it can go into a Location header. Anything else sends the visitor to the fallback.
/// </summary>
public static class LocalRedirectTarget
{
    /// <summary>
    /// <paramref name="returnUrl"/> as a Location value: a local path (/…, not //… or /\…, which browsers read as another
    /// host) without control characters (browsers drop tabs and line breaks, so /%09/evil.example would become
    /// //evil.example; in a header they answer 500), with every non-ASCII character and space percent-encoded as UTF-8
    /// (/search?q=防災 → /search?q=%E9%98%B2%E7%81%BD; a header cannot carry them raw). Otherwise <paramref name="fallback"/>.
    /// </summary>
    public static string For(string? returnUrl, string fallback = "/")
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
            || returnUrl.Any(char.IsControl)
            || !IsWellFormedUtf16(returnUrl))
            return fallback;

        var target = new StringBuilder(returnUrl.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < returnUrl.Length; i++)
        {
            var c = returnUrl[i];
            if (char.IsAscii(c) && c is not (' ' or '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}'))
            {
                target.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(returnUrl.AsSpan(i, length), utf8);
            foreach (var b in utf8[..written])
                target.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            i += length - 1;
        }
        return target.ToString();
    }

    /// <summary>No lone surrogate (from a malformed %ED%A0%80 or a broken form post): it has no UTF-8 form.</summary>
    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }
}
