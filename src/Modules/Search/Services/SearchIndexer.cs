using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Search;

namespace Portal.Modules.Search.Services;

public sealed class SearchOptions
{
    /// <summary>This node's index folder; empty means App_Data/search-index under the content root.</summary>
    public string IndexPath { get; set; } = "";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a change-log row is re-checked after it is written. PostgreSQL hands out ids before commit, so a row
    /// with a smaller id can commit after a larger one the cursor has passed; re-checking recent rows catches it.
    /// </summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromSeconds(60);

    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Feeds this node's index from the database change log: rebuilds from every <see cref="ISearchDocumentSource"/> when
/// the index is new, lost or an administrator asks, then follows the log from the cursor stored in the index.
/// </summary>
public sealed class SearchIndexer(
    SearchIndex index,
    IServiceScopeFactory scopes,
    FeatureState features,
    TimeProvider clock,
    IPublicPageCache pages,
    IOptions<SearchOptions> options,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    public const string Feature = "Search";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, DateTime> _recentlyApplied = [];
    private volatile bool _rebuildRequested;

    public string? LastError { get; private set; }
    public DateTime? LastRebuildUtc { get; private set; }

    public void RequestRebuild() => _rebuildRequested = true;

    /// <summary>Brings the index up to date with the change log now (the loop does the same every poll interval).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToList();
            if (_rebuildRequested || index.Cursor is null)
                await RebuildAsync(db, sources, cancellationToken);
            else
                while (await ApplyChangesAsync(db, sources, cancellationToken)) { }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (features.IsEnabled(Feature))
                {
                    await CatchUpAsync(stoppingToken);
                    LastError = null;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LastError = e.Message;
                logger.LogError(e, "Search indexing failed; retrying");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RebuildAsync(PortalDbContext db, List<ISearchDocumentSource> sources, CancellationToken ct)
    {
        // Read the log position first: changes written while we rebuild are replayed afterwards (applying twice is harmless).
        // Cleared first, so that a request arriving while this rebuild runs gets a rebuild of its own.
        _rebuildRequested = false;
        var cursor = await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var count = await index.RebuildAsync(AllDocuments(sources, ct), cursor, ct);
        await pages.EvictAsync([PublicPageCache.SearchTag], ct);
        _recentlyApplied.Clear();
        LastRebuildUtc = clock.GetUtcNow().UtcDateTime;
        logger.LogInformation("Search index rebuilt with {Count} documents up to change {Cursor}", count, cursor);
    }

    private static async IAsyncEnumerable<SearchDocument> AllDocuments(List<ISearchDocumentSource> sources, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var source in sources)
            await foreach (var document in source.LoadAllAsync(ct))
                yield return document;
    }

    /// <returns>True when a full batch was applied and more may be waiting.</returns>
    private async Task<bool> ApplyChangesAsync(PortalDbContext db, List<ISearchDocumentSource> sources, CancellationToken ct)
    {
        var cursor = index.Cursor ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - options.Value.Lookback;
        var batchSize = options.Value.BatchSize;

        var fresh = await db.ContentChanges.AsNoTracking()
            .Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(batchSize).ToListAsync(ct);
        // By time alone and unordered, so that SQLite answers from the ChangedUtc index: bounded by id or ordered by it,
        // it walked the primary key, which is the whole log. The few recent rows are filtered and ordered here.
        var recent = await db.ContentChanges.AsNoTracking().Where(c => c.ChangedUtc > since).ToListAsync(ct);
        var late = recent.Where(c => c.Id <= cursor && !_recentlyApplied.ContainsKey(c.Id)).OrderBy(c => c.Id);
        var changes = late.Concat(fresh).ToList();
        if (changes.Count == 0)
            return false;

        var byType = sources.SelectMany(s => s.ContentTypes.Keys.Select(type => (type, s))).ToDictionary(x => x.type, x => x.s);
        var documents = new List<(string, string, SearchDocument?)>();
        foreach (var (type, key) in changes.Select(c => (c.ContentType, c.ContentKey)).Distinct())
        {
            // A type no enabled source knows (its module removed) leaves the index.
            var document = byType.TryGetValue(type, out var source) ? await source.LoadAsync(type, key, ct) : null;
            documents.Add((type, key, document));
        }
        index.Apply(documents, Math.Max(cursor, changes.Max(c => c.Id)));
        // Cached search pages were answered by the index as it was before this batch.
        await pages.EvictAsync([PublicPageCache.SearchTag], ct);

        foreach (var change in changes)
            _recentlyApplied[change.Id] = change.ChangedUtc;
        foreach (var old in _recentlyApplied.Where(x => x.Value <= since).Select(x => x.Key).ToList())
            _recentlyApplied.Remove(old);
        return fresh.Count == batchSize;
    }
}
