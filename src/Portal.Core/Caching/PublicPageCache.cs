namespace Portal.Core.Caching;

/// <summary>
/// Output caching of the pages residents read. Pages opt in with
/// <c>[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [DistrictCouncil.CacheTag])]</c>, each content type naming its own tag.
/// Anonymous visitors share the cached copy, signed-in staff always get a fresh page.
/// A committed save of an <see cref="Search.ISearchIndexed"/> entity evicts its <see cref="Search.ISearchIndexed.CacheTag"/> (on every node,
/// when the cache store is shared); each node's search indexer evicts <see cref="SearchTag"/> after it applies changes.
/// </summary>
public static class PublicPageCache
{
    /// <summary>Content pages: evicted on publish, otherwise kept for ten minutes.</summary>
    public const string Policy = "PublicPage";

    /// <summary>Pages whose content also depends on the clock (upcoming vs past meetings): kept for one minute at most.</summary>
    public const string ClockPolicy = "PublicPageClock";

    /// <summary>
    /// The TempData cookie that carries a status message across a redirect. A request with it is never served from the
    /// cache, and a page reads TempData only when it is there: reading it otherwise answers with a cookie deletion,
    /// and a response that sets a cookie is never stored.
    /// </summary>
    public const string StatusMessageCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public const string ContentTagPrefix = "content:";
    public const string SearchTag = "search";
}

/// <summary>Evicts cached public pages. Failures are logged, never thrown: the content is already saved.</summary>
public interface IPublicPageCache
{
    Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken);
}

/// <summary>The evictor when the host has no output cache (tools, tests of the data layer).</summary>
public sealed class NoPublicPageCache : IPublicPageCache
{
    public Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken) => Task.CompletedTask;
}
