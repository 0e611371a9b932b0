using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Web;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 with a free port, its own content root (App_Data, keys) and database.
/// Browsers and HTTP clients talk to it over a real socket.
/// </summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsContentRoot;

    private PortalTestHost(WebApplication app, string contentRoot, bool ownsContentRoot)
    {
        _app = app;
        ContentRoot = contentRoot;
        _ownsContentRoot = ownsContentRoot;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1"));
    }

    public Uri BaseAddress { get; }
    public string ContentRoot { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a portal on a fresh SQLite file (the embedded default) unless settings name another database.</summary>
    /// <param name="settings">Settings over the test defaults below; a null value leaves the key unset (the portal's own default).</param>
    /// <param name="contentRoot">
    /// A content root the caller owns (and deletes), to start a second host on the same App_Data as an earlier one;
    /// null: a fresh temporary one, deleted with the host.
    /// </param>
    /// <param name="services">
    /// Registrations made after the portal's own, so they add to or replace them: e.g. a FakeTimeProvider, a test-only
    /// document source, or (after RemoveAll) a stand-in for a module's service.
    /// </param>
    /// <param name="clock">
    /// The site's clock; null: a <see cref="PinnedClock"/> started at <see cref="TestCalendar.SetupTime"/>, so no test sees the
    /// date it runs on. A FakeTimeProvider registered through <paramref name="services"/> takes precedence.
    /// </param>
    public static async Task<PortalTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, string? contentRoot = null, Action<IServiceCollection>? services = null,
        TimeProvider? clock = null)
    {
        var ownsContentRoot = contentRoot is null;
        contentRoot ??= Directory.CreateTempSubdirectory("portal-test-").FullName;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--contentRoot={contentRoot}",
            "--environment=Testing",
            // Tests speak plain HTTP to 127.0.0.1; production keeps Secure cookies.
            "--Portal:CookieSecurePolicy=SameAsRequest",
            "--Portal:RequireHttps=false",
            // Hangfire keeps static global state: only tests in the "Hangfire" collection turn it on (settings override this).
            "--Portal:Digests:Enabled=false",
            // Many tests log in from 127.0.0.1 against one host; the rate-limit tests set their own small limits.
            "--Portal:RateLimits:Login:PermitLimit=100000",
            "--Portal:RateLimits:Unsubscribe:PermitLimit=100000",
            // Clients reach the host at 127.0.0.1:port; the portal's host filter (on outside Development) allows it so.
            "--AllowedHosts=127.0.0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null value drops the default above, leaving the key unset: the portal's own default then applies.
            if (value is null)
                args.RemoveAll(arg => arg.StartsWith($"--{key}=", StringComparison.OrdinalIgnoreCase));
            else
                args.Add($"--{key}={value}");
        }

        var app = await PortalApp.BuildAsync(args.ToArray(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        }, registered =>
        {
            registered.AddSingleton(clock ?? new PinnedClock(TestCalendar.SetupTime));
            services?.Invoke(registered);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A host that fails to start (a test of start-up checks) leaves no running services or folders behind.
            await app.DisposeAsync();
            if (ownsContentRoot)
                DeleteDirectory(contentRoot);
            throw;
        }
        return new PortalTestHost(app, contentRoot, ownsContentRoot);
    }

    /// <summary>A client with its own cookie jar (one per simulated user); redirects are not followed so tests see them.</summary>
    public PortalClient CreateClient() => new(BaseAddress);

    /// <summary>A client on a cookie jar shared with clients of other hosts (the same browser talking to several nodes).</summary>
    public PortalClient CreateClient(CookieContainer cookies) => new(BaseAddress, cookies);

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>"Now" as the site sees it (its TimeProvider), in UTC.</summary>
    public DateTime UtcNow => Service<TimeProvider>().GetUtcNow().UtcDateTime;

    public AsyncServiceScope CreateScope() => _app.Services.CreateAsyncScope();

    /// <summary>Reads the database the way the site sees it, through a fresh (untracked) context.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsContentRoot)
            DeleteDirectory(ContentRoot);
    }

    public static void DeleteDirectory(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
