using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Portal.Core.Data;
using StackExchange.Redis;

namespace Portal.Web.Infrastructure;

/// <summary>
/// What several portal nodes behind one address must share, and where it lives.
/// <para>
/// Without Portal:Redis (one node, the default): data-protection keys in a folder (Portal:DataProtectionKeysPath, default
/// App_Data/keys), the in-memory distributed cache and output cache store.
/// </para>
/// <para>
/// With Portal:Redis (a StackExchange.Redis configuration string, e.g. "redis:6379,password=…"): one connection shared
/// by the data-protection key ring (so a cookie or antiforgery token made by one node is read by every other),
/// IDistributedCache and the output cache store (so a page cached, or evicted by tag, on one node is so on all).
/// Several nodes need one database too: PostgreSQL (Portal:Database:Provider=PostgreSql); SQLite is refused.
/// </para>
/// Per node, whatever the mode: the Lucene index (Portal:Search:IndexPath, fed from the shared change log) and the
/// rate-limit counters. Hangfire uses the portal's PostgreSQL, so its schedule and queue are shared.
/// </summary>
public static class ScaleOut
{
    public const string RedisSetting = "Portal:Redis";

    /// <summary>Both the key ring's purpose root and the cookie names follow it: it must not depend on the node or its content root.</summary>
    public const string ApplicationName = "WardPartnershipPortal";

    /// <summary>The Redis list holding the data-protection key ring (one XML element per key).</summary>
    public const string DataProtectionKeysKey = ApplicationName + ":DataProtection-Keys";

    /// <summary>Prefix of the distributed cache's and the output cache's Redis keys, so a Redis shared with others stays apart.</summary>
    public const string CacheInstanceName = ApplicationName + ":";

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[RedisSetting]);

    /// <param name="dataDirectory">This node's App_Data folder (the default place of its file-system keys).</param>
    public static IServiceCollection AddPortalScaleOut(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var redis = configuration[RedisSetting];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddDataProtection()
                .SetApplicationName(ApplicationName)
                .PersistKeysToFileSystem(new DirectoryInfo(configuration["Portal:DataProtectionKeysPath"] ?? Path.Combine(dataDirectory, "keys")));
            return services;
        }

        if (!DatabaseOptions.Read(configuration).IsPostgreSql)
            throw new InvalidOperationException(
                $"{RedisSetting} is set, which means several nodes, but Portal:Database:Provider is Sqlite: nodes cannot share one SQLite file. " +
                $"Set Portal:Database:Provider=PostgreSql and ConnectionStrings:Portal, or remove {RedisSetting} to run one node.");

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{RedisSetting} is not a valid StackExchange.Redis configuration string: {e.Message}", e);
        }

        // One multiplexer per process, as StackExchange.Redis intends; disposed with the container.
        services.AddSingleton<IConnectionMultiplexer>(_ => Connect(options));
        // Started before the other hosted services: a node that cannot reach Redis stops at start, with the reason.
        services.AddHostedService<RedisConnectionCheck>();

        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, connection) =>
            keys.XmlRepository = new RedisXmlRepository(() => connection.GetDatabase(), DataProtectionKeysKey));

        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>().Configure<IServiceProvider>((cache, provider) =>
        {
            cache.InstanceName = CacheInstanceName;
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });

        // Only the store: the output-cache policies and middleware (AddOutputCache/UseOutputCache) are the site's own.
        // Registered with Add (not TryAdd), so it replaces the in-memory store whichever is registered first.
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>().Configure<IServiceProvider>((cache, provider) =>
        {
            cache.InstanceName = CacheInstanceName;
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });
        return services;
    }

    private static ConnectionMultiplexer Connect(ConfigurationOptions options)
    {
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException(
                $"{RedisSetting}: cannot connect to Redis at {string.Join(", ", options.EndPoints)}: {e.Message}", e);
        }
    }

    private sealed class RedisConnectionCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IConnectionMultiplexer>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
