using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Portal.Core.Caching;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Output caching for the pages residents read (see <see cref="PublicPageCache"/>). Portal:OutputCache:Enabled=false
/// turns it off (the benchmark measures the pages both ways).
/// </summary>
public static class PublicPageCaching
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Portal:OutputCache:Enabled", true);

    public static IServiceCollection AddPublicPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicPageCache.Policy, new AnonymousVisitorPolicy(TimeSpan.FromMinutes(10)));
            options.AddPolicy(PublicPageCache.ClockPolicy, new AnonymousVisitorPolicy(TimeSpan.FromMinutes(1)));
        });
        if (IsEnabled(configuration))
            services.AddSingleton<IPublicPageCache, OutputCacheEvictor>();
        return services;
    }

    /// <summary>
    /// Reads and fills the cache only for anonymous GET/HEAD requests without a TempData cookie (a pending status
    /// message); one copy per query string and UI culture. Only a 200 that sets no cookie is stored.
    /// </summary>
    private sealed class AnonymousVisitorPolicy(TimeSpan duration) : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && !request.Headers.ContainsKey(HeaderNames.Authorization)
                && !request.Cookies.ContainsKey(PublicPageCache.StatusMessageCookie);

            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            // Pages do not depend on the Host header (absolute links come from Portal:PublicBaseUrl): one entry per page,
            // however many host names clients make up.
            context.CacheVaryByRules.VaryByHost = false;
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class OutputCacheEvictor(IOutputCacheStore store, ILogger<OutputCacheEvictor> logger) : IPublicPageCache
    {
        public async Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
        {
            foreach (var tag in tags)
            {
                try
                {
                    await store.EvictByTagAsync(tag, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The content is saved; the stale copy expires with its policy's duration.
                    logger.LogError(e, "Could not evict cached pages tagged {Tag}", tag);
                }
            }
        }
    }
}
