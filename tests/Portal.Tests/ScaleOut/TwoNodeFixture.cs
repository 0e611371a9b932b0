using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Digests;
using Portal.Tests.Digests;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ScaleOut;

/// <summary>
/// Two portal nodes as a farm runs them: two Kestrel hosts on their own loopback ports and content roots, started at the
/// same moment on one new PostgreSQL database, sharing a private Redis (keys, caches) and Hangfire's PostgreSQL storage,
/// each with its own search index folder; digests go to a real SMTP server. Started once for the class.
/// </summary>
public sealed class TwoNodeFixture(PostgresServer postgres) : IAsyncLifetime
{
    private readonly List<string> _contentRoots = [];

    public RedisServer Redis { get; } = new();
    public SmtpTestServer Smtp { get; private set; } = null!;
    public PortalTestHost A { get; private set; } = null!;
    public PortalTestHost B { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    /// <summary>Both nodes' extra digest source (the meetings of a ward), so that every digest has something to say.</summary>
    public FakeDigestSource DigestSource { get; } = new();

    /// <summary>Time from "start both" to both answering, for the report.</summary>
    public TimeSpan StartUpTime { get; private set; }

    public async Task InitializeAsync()
    {
        var smtp = SmtpTestServer.StartMailboxAsync();
        await Task.WhenAll(Redis.InitializeAsync(), smtp);
        Smtp = await smtp;
        ConnectionString = await postgres.CreateDatabaseAsync();

        var clock = Stopwatch.StartNew();
        var startA = StartNodeAsync("a");
        var startB = StartNodeAsync("b");
        try
        {
            await Task.WhenAll(startA, startB);
        }
        finally
        {
            // Keep whichever started, so that DisposeAsync stops it even when the other failed.
            if (startA.IsCompletedSuccessfully) A = startA.Result;
            if (startB.IsCompletedSuccessfully) B = startB.Result;
        }
        StartUpTime = clock.Elapsed;
    }

    private Task<PortalTestHost> StartNodeAsync(string name)
    {
        var contentRoot = Directory.CreateTempSubdirectory($"portal-node-{name}-").FullName;
        lock (_contentRoots) _contentRoots.Add(contentRoot);
        var settings = Smtp.PortalSettings();
        settings["Portal:Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Portal"] = ConnectionString;
        settings["Portal:Redis"] = Redis.Configuration;
        settings["Portal:Search:IndexPath"] = Path.Combine(contentRoot, "index-" + name);
        // Both Hangfire servers run, on the one storage. The schedule never fires by itself: the test triggers it.
        settings["Portal:Digests:Enabled"] = "true";
        settings["Portal:Digests:Cron"] = Hangfire.Cron.Never();
        settings["Portal:Digests:QueuePollInterval"] = "00:00:00.500";
        return PortalTestHost.StartAsync(settings, contentRoot, services => services.AddSingleton<IDigestSource>(DigestSource));
    }

    public async Task DisposeAsync()
    {
        var stops = new List<Task>();
        if (A is not null) stops.Add(A.DisposeAsync().AsTask());
        if (B is not null) stops.Add(B.DisposeAsync().AsTask());
        try
        {
            await Task.WhenAll(stops);
        }
        finally
        {
            if (Smtp is not null) await Smtp.DisposeAsync();
            await Redis.DisposeAsync();
            foreach (var root in _contentRoots)
                PortalTestHost.DeleteDirectory(root);
        }
    }
}
