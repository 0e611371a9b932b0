namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// One GET endpoint (a page or an API) as the corpus drives it: a URL that works, the query parameters it reads and how
/// to put a bad id in its path. <see cref="Pattern"/> is its route template, as the completeness test finds it.
/// </summary>
public sealed record ReadEndpoint(string Pattern, string Url, string? User = null)
{
    /// <summary>The query parameters the endpoint reads.</summary>
    public string[] Query { get; init; } = [];

    /// <summary>The URL with a bad id (or code, or token) in its path.</summary>
    public Func<string, string>? UrlWithId { get; init; }

    /// <summary>Whole bad query strings particular to the endpoint (ranges the wrong way round, combinations).</summary>
    public string[] Extra { get; init; } = [];

    /// <summary>The parameter that takes search syntax.</summary>
    public string? SearchParameter { get; init; }

    /// <summary>A minimal API endpoint (JSON, feeds, files) rather than a page: other methods are tried on it too.</summary>
    public bool Api { get; init; }

    /// <summary>What <see cref="Url"/> itself answers (default 200, or a redirect).</summary>
    public int? ValidStatus { get; init; }

    public override string ToString() => Pattern;
}
