using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Portal.Core.Data;
using Portal.Core.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Portal.Modules.Search.Services;

public sealed record SearchQuery(string Text, string? ContentType, string? WardCode, int Page, int PageSize = 10);

/// <summary>Who is searching: administrators see everything, staff also what is restricted to their organisation.</summary>
public sealed record SearchViewer(bool IsAdministrator, int? OrganisationId)
{
    public static readonly SearchViewer Anonymous = new(false, null);
}

/// <param name="TitleHtml">Encoded title with &lt;mark&gt; around the matches.</param>
/// <param name="SnippetHtml">Encoded best fragment of the body with &lt;mark&gt; around the matches.</param>
public sealed record SearchHit(string ContentType, string Key, string TitleHtml, string SnippetHtml, string Path, string? WardCode, DateTime? DateUtc);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize)
{
    public int PageCount => Paging.PageCount(Total, PageSize);
}

/// <summary>
/// This node's Lucene index: one writer, a SearcherManager refreshed on every commit, and the change-log cursor
/// stored in the commit itself, so the index and how far it has read can never disagree.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string CursorKey = "cursor";
    private static class Field
    {
        public const string Uid = "uid", Type = "type", Key = "key", Title = "title", Body = "body",
            Path = "path", Ward = "ward", Date = "date", Audience = "audience";
    }
    private const string PublicAudience = "public";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly JapaneseAnalyzer _indexAnalyzer = JapaneseAnalyzer.ForIndexing();
    private readonly JapaneseAnalyzer _queryAnalyzer = JapaneseAnalyzer.ForQueries();

    public SearchIndex(LuceneDirectory directory)
    {
        _directory = directory;
        _writer = new IndexWriter(directory, new IndexWriterConfig(JapaneseAnalyzer.Version, _indexAnalyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        if (!DirectoryReader.IndexExists(directory))
            _writer.Commit();
        // Readers follow commits (every apply commits), not the writer: an NRT reader on the writer makes bulk indexing pool
        // segment readers and runs at half speed (see docs/benchmarks.md).
        _searchers = new SearcherManager(directory, searcherFactory: null);
    }

    /// <summary>Opens the index in <paramref name="path"/>; an unreadable one is thrown away (it rebuilds from the database).</summary>
    public static SearchIndex Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        try
        {
            if (DirectoryReader.IndexExists(directory))
                using (DirectoryReader.Open(directory)) { }
            return new SearchIndex(directory);
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            directory.Dispose();
            System.IO.Directory.Delete(path, recursive: true);
            System.IO.Directory.CreateDirectory(path);
            return new SearchIndex(FSDirectory.Open(path));
        }
    }

    /// <summary>The last change-log id this index contains, or null when it has never been built (new or lost index).</summary>
    public long? Cursor =>
        _writer.CommitData.TryGetValue(CursorKey, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)
            ? cursor
            : null;

    public int DocumentCount => _writer.NumDocs;

    /// <summary>Applies documents (null = remove) and commits them together with the new cursor.</summary>
    public void Apply(IEnumerable<(string ContentType, string Key, SearchDocument? Document)> changes, long cursor)
    {
        foreach (var (contentType, key, document) in changes)
        {
            var uid = new Term(Field.Uid, Uid(contentType, key));
            if (document is null)
                _writer.DeleteDocuments(uid);
            else
                _writer.UpdateDocument(uid, ToLucene(document));
        }
        Commit(cursor);
    }

    /// <summary>Replaces the whole index with <paramref name="documents"/>; the cursor says which changes they already contain.</summary>
    public async Task<int> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, long cursor, CancellationToken cancellationToken)
    {
        _writer.DeleteAll();
        var count = 0;
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            _writer.AddDocument(ToLucene(document));
            count++;
        }
        Commit(cursor);
        return count;
    }

    private void Commit(long cursor)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    public SearchResults Search(SearchQuery request, SearchViewer viewer)
    {
        var textQuery = ParseText(request.Text);
        var query = new BooleanQuery { { textQuery, Occur.MUST } };
        if (request.ContentType is not null)
            query.Add(new TermQuery(new Term(Field.Type, request.ContentType)), Occur.MUST);
        if (request.WardCode is not null)
            query.Add(new TermQuery(new Term(Field.Ward, request.WardCode)), Occur.MUST);
        if (!viewer.IsAdministrator)
        {
            var audience = new BooleanQuery { { new TermQuery(new Term(Field.Audience, PublicAudience)), Occur.SHOULD } };
            if (viewer.OrganisationId is { } organisationId)
                audience.Add(new TermQuery(new Term(Field.Audience, OrganisationAudience(organisationId))), Occur.SHOULD);
            query.Add(audience, Occur.MUST);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(query, request.Page * request.PageSize);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MinimalHtmlEncoder(), new QueryTermScorer(textQuery))
            {
                TextFragmenter = new SimpleFragmenter(120),
            };
            var hits = top.ScoreDocs
                .Skip((request.Page - 1) * request.PageSize)
                .Select(scoreDoc => ToHit(searcher.Doc(scoreDoc.Doc), highlighter))
                .ToList();
            return new SearchResults(hits, top.TotalHits, request.Page, request.PageSize);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Classic syntax (AND by default, quotes, OR, -term; no regular expressions); a CJK run becomes a phrase of bigrams.
    /// Text the parser cannot read is searched as plain words instead of failing.
    /// </summary>
    private Query ParseText(string text)
    {
        var parser = new MultiFieldQueryParser(JapaneseAnalyzer.Version, TextFields, _queryAnalyzer,
            new Dictionary<string, float> { [Field.Title] = 2f, [Field.Body] = 1f })
        {
            AutoGeneratePhraseQueries = true,
            DefaultOperator = Operator.AND,
        };
        var normalized = JapaneseAnalyzer.Normalize(text);
        try
        {
            // "/…/" would be a regular expression, which is not part of the portal's syntax: an invalid one (/[/) is only
            // refused when the search runs, as a 500. A slash is searched as the character it is.
            return parser.Parse(normalized.Replace("/", "\\/", StringComparison.Ordinal));
        }
        catch (ParseException)
        {
            return PlainWords(parser, normalized);
        }
    }

    private static readonly string[] TextFields = [Field.Title, Field.Body];

    /// <summary>Every whitespace-separated word must appear (as a phrase) in the title or the body; syntax means nothing here.</summary>
    private static Query PlainWords(QueryParser parser, string text)
    {
        var all = new BooleanQuery();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var anyField = new BooleanQuery();
            foreach (var field in TextFields)
            {
                if (parser.CreatePhraseQuery(field, word) is { } query)
                    anyField.Add(query, Occur.SHOULD);
            }
            if (anyField.Clauses.Count > 0)
                all.Add(anyField, Occur.MUST);
        }
        return all;
    }

    private SearchHit ToHit(Document doc, Highlighter highlighter)
    {
        // A document with no body (a meeting with only its title and times, a task force without a description) may
        // read back without a stored value (null): it is shown as empty text, and empty text is not highlighted.
        var title = doc.Get(Field.Title) ?? "";
        var body = doc.Get(Field.Body) ?? "";
        var titleHtml = Highlight(highlighter, Field.Title, title) ?? Encode(title);
        var snippetHtml = Highlight(highlighter, Field.Body, body) ?? Encode(body.Length > 120 ? body[..120] + "…" : body);
        var date = doc.GetField(Field.Date)?.GetInt64Value();
        return new SearchHit(doc.Get(Field.Type), doc.Get(Field.Key), titleHtml, snippetHtml, doc.Get(Field.Path), doc.Get(Field.Ward),
            date is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null);
    }

    private string? Highlight(Highlighter highlighter, string field, string text) =>
        text.Length == 0 ? null : highlighter.GetBestFragment(_indexAnalyzer, field, text);

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>Escapes markup only; Japanese stays as text rather than numeric entities.</summary>
    private sealed class MinimalHtmlEncoder : IEncoder
    {
        public string EncodeText(string originalText) => Encode(originalText);
    }

    private static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(Field.Uid, Uid(d.ContentType, d.Key), Lucene.Net.Documents.Field.Store.NO),
            new StringField(Field.Type, d.ContentType, Lucene.Net.Documents.Field.Store.YES),
            new StoredField(Field.Key, d.Key),
            // A source may leave a text empty (or null, from a column that allows it): it indexes as no words.
            new TextField(Field.Title, d.Title ?? "", Lucene.Net.Documents.Field.Store.YES),
            new TextField(Field.Body, d.Body ?? "", Lucene.Net.Documents.Field.Store.YES),
            new StoredField(Field.Path, d.Path),
        };
        if (d.WardCode is not null)
            doc.Add(new StringField(Field.Ward, d.WardCode, Lucene.Net.Documents.Field.Store.YES));
        if (d.DateUtc is { } date)
            doc.Add(new StoredField(Field.Date, date.Ticks));
        if (d.Audience.IsPublic)
            doc.Add(new StringField(Field.Audience, PublicAudience, Lucene.Net.Documents.Field.Store.NO));
        foreach (var organisationId in d.Audience.OrganisationIds)
            doc.Add(new StringField(Field.Audience, OrganisationAudience(organisationId), Lucene.Net.Documents.Field.Store.NO));
        return doc;
    }

    private static string Uid(string contentType, string key) => contentType + ":" + key;
    private static string OrganisationAudience(int organisationId) => "org:" + organisationId.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _indexAnalyzer.Dispose();
        _queryAnalyzer.Dispose();
    }
}
