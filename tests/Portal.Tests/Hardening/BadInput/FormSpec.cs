namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// One POST handler of a page, as the corpus drives it: where its form is rendered, what a valid submission looks like
/// and which fields take which kinds of bad input. Values may hold {placeholders} (see <see cref="CorpusSite.ResolveAsync"/>).
/// </summary>
public sealed class FormSpec
{
    /// <summary>Unique name of the case group, e.g. "councils.edit".</summary>
    public required string Name { get; init; }

    /// <summary>The page's route template exactly as in its @page directive; with <see cref="Handler"/>, what the completeness test matches.</summary>
    public required string Route { get; init; }

    /// <summary>The named handler (OnPost{Handler}Async), null for OnPostAsync.</summary>
    public string? Handler { get; init; }

    /// <summary>Who submits: a demo user, or null for an anonymous visitor.</summary>
    public string? User { get; init; }

    /// <summary>The page that renders the form (for the user).</summary>
    public required string Page { get; init; }

    /// <summary>Picks the form on the page (default: the only POST form, or the one whose action names <see cref="Handler"/>).</summary>
    public Func<HtmlForm, bool>? Select { get; init; }

    /// <summary>What a blank create form needs to be valid, and the submit button pressed (e.g. intent=publish).</summary>
    public Dictionary<string, string> Fill { get; init; } = [];

    /// <summary>Text fields and their maximum length.</summary>
    public Dictionary<string, int> Text { get; init; } = [];

    public Dictionary<string, DateField> Dates { get; init; } = [];

    /// <summary>Start/end pairs: the end may not come before the start.</summary>
    public (string Start, string End, string ValidStart, string BadEnd)[] Ranges { get; init; } = [];

    /// <summary>Fields that name a row or a choice from a list by id or code.</summary>
    public string[] Ids { get; init; } = [];

    /// <summary>Field-specific bad values (enumerations, formats, links, per-line limits…).</summary>
    public Dictionary<string, string[]> Invalid { get; init; } = [];

    /// <summary>The post URL with the id of the row replaced by a bad one; null when the URL names no row.</summary>
    public Func<string, string>? UrlWithId { get; init; }

    /// <summary>Groups of fields the rendered form always sends (table rows): a post without them must change nothing.</summary>
    public string[] Missing { get; init; } = [];

    /// <summary>The handler reads nothing from the body (a button): content types do not matter to it.</summary>
    public bool Bodyless { get; init; }

    /// <summary>The page validates antiforgery tokens (all but the one-click unsubscribe and the error page).</summary>
    public bool Antiforgery { get; init; } = true;

    /// <summary>Each case gets its own signed-in client (the form changes the session).</summary>
    public bool FreshClient { get; init; }

    /// <summary>The form is only reached through its URL (the error page, the unsubscribe link): only bad URLs are tried.</summary>
    public bool OnlyUrls { get; init; }

    /// <summary>Bad values for the id in the URL (default: 0, -1, 2147483648, abc, 99999999).</summary>
    public string[] UrlValues { get; init; } = ["0", "-1", "2147483648", "abc", "99999999"];

    public Attack[] Attacks { get; init; } = [];

    public override string ToString() => Name;
}
