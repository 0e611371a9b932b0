using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.DistrictCouncils;

/// <summary>
/// Two sites in one process, one on PostgreSQL and one on SQLite, serving the council page at once: nothing a site
/// compiles or caches for its model may leak into the other (compiled EF queries once did, with a 500 on every request).
/// </summary>
public class TwoSitesInOneProcessTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private sealed class Sink : ILoggerProvider
    {
        public readonly ConcurrentQueue<string> Lines = new();
        public ILogger CreateLogger(string categoryName) => new L(this, categoryName);
        public void Dispose() { }
        private sealed class L(Sink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            { if (logLevel >= LogLevel.Error) sink.Lines.Enqueue(category + ": " + formatter(state, exception) + " " + exception); }
        }
    }

    [Fact]
    public async Task A_PostgreSQL_site_and_a_SQLite_site_serve_council_pages_side_by_side()
    {
        var sink = new Sink();
        await using var pg = await PortalTestHost.StartAsync(await server.HostSettingsAsync(), services: s => s.AddSingleton<ILoggerProvider>(sink));
        await using var lite = await PortalTestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(sink));
        var id = (await pg.KitaCouncilAsync()).Id;
        var bad = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            using var a = pg.CreateClient(); using var b = lite.CreateClient();
            for (var i = 0; i < 10; i++)
            {
                var r1 = await a.GetAsync($"/councils/{id}?x={w}-{i}"); if ((int)r1.StatusCode >= 500) Interlocked.Increment(ref bad);
                var r2 = await b.GetAsync($"/councils/{id}?x={w}-{i}"); if ((int)r2.StatusCode >= 500) Interlocked.Increment(ref bad);
            }
        })));
        foreach (var line in sink.Lines.Where(l => l.Contains("ExceptionHandler")).Take(1))
            output.WriteLine(line);
        Assert.Equal(0, bad);
    }
}
