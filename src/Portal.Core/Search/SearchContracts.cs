namespace Portal.Core.Search;

/// <summary>
/// An entity whose saves must reach the search index. Saving it writes a <see cref="ContentChange"/> row in the same
/// transaction; each node's indexer reads the log from its own cursor.
/// </summary>
public interface ISearchIndexed
{
    /// <summary>The document type this entity is indexed as, e.g. "council" (see <see cref="ISearchDocumentSource"/>).</summary>
    string SearchContentType { get; }

    /// <summary>The document key within its type; for a child entity, the key of the document it belongs to.</summary>
    string SearchKey { get; }

    /// <summary>The output-cache tag of the public pages that show this content (a child's: its document's).</summary>
    string CacheTag { get; }
}

/// <summary>One row of the database change log that feeds every node's local index.</summary>
public class ContentChange
{
    public long Id { get; set; }
    public required string ContentType { get; set; }
    public required string ContentKey { get; set; }
    public DateTime ChangedUtc { get; set; }
}

/// <summary>Who may see a document in search results.</summary>
/// <param name="OrganisationIds">Empty: everyone (published, public). Otherwise only staff of these organisations and administrators.</param>
public sealed record SearchAudience(IReadOnlyList<int> OrganisationIds)
{
    public static readonly SearchAudience Everyone = new([]);
    public bool IsPublic => OrganisationIds.Count == 0;
}

/// <param name="Path">Site-relative link to the item, e.g. /councils/12.</param>
/// <param name="WardCode">Ward filter value, if the item belongs to a ward.</param>
/// <param name="DateUtc">The date shown with the result (published, held on…).</param>
public sealed record SearchDocument(
    string ContentType, string Key, string Title, string Body, string Path,
    string? WardCode, DateTime? DateUtc, SearchAudience Audience);

/// <summary>A module's documents. Only published content is returned; null from <see cref="LoadAsync"/> removes the document.</summary>
public interface ISearchDocumentSource
{
    /// <summary>The content types this source owns, with a Japanese label each for the type filter.</summary>
    IReadOnlyDictionary<string, string> ContentTypes { get; }

    Task<SearchDocument?> LoadAsync(string contentType, string key, CancellationToken cancellationToken);

    /// <summary>Every indexable document, for a rebuild.</summary>
    IAsyncEnumerable<SearchDocument> LoadAllAsync(CancellationToken cancellationToken);
}
