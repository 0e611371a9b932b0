using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Portal.Load;

/// <summary>
/// Starts the portal as its own process (output cache off, then on) on a site with 10,000 councils and 100,000
/// updates, and loads the council list and detail pages with 32 concurrent connections, next to the bare baseline.
/// </summary>
public static partial class LoadRun
{
    private const int Connections = 32;
    private const string FloorScenario = "detail, fixed answer (floor)";

    /// <summary>About the size of a council page, for the floor row: the same middleware, no query, no rendering.</summary>
    public const int FloorBytes = 7_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    private sealed record Scenario(string Name, IReadOnlyList<string> Urls);

    /// <param name="ServerCpuPerRequest">The server process's CPU time (all threads, user and system) per request, in
    /// microseconds: what a request costs the server alone, whatever the load client on the same cores took.</param>
    private sealed record Result(string Name, double RequestsPerSecond, double P50, double P99, long Requests, long Errors, double ServerCpuPerRequest);

    public static async Task<int> RunAsync(string dataDirectory, TimeSpan duration)
    {
        Directory.CreateDirectory(dataDirectory);
        var results = new List<Result>();
        var peaks = new List<(string Server, long PeakBytes)>();

        await using (var server = await ServerProcess.StartAsync(dataDirectory, cache: false))
        {
            var (listUrls, detailUrls) = ReadUrls(dataDirectory);
            await AssertSameHtmlAsync(server.Client, listUrls.Take(3).Concat(detailUrls.Take(3)));
            foreach (var scenario in new[]
                     {
                         new Scenario("list, bare endpoint", listUrls.Select(u => "/bare" + u).ToList()),
                         new Scenario("list, page uncached", listUrls),
                         new Scenario("detail, bare endpoint", detailUrls.Select(u => "/bare" + u).ToList()),
                         new Scenario("detail, page uncached", detailUrls),
                     })
                results.Add(await LoadAsync(server, scenario, duration));
            peaks.Add(("output cache off", server.PeakWorkingSet()));
        }

        await using (var server = await ServerProcess.StartAsync(dataDirectory, cache: true))
        {
            var (listUrls, detailUrls) = ReadUrls(dataDirectory);
            foreach (var url in listUrls.Concat(detailUrls))
                (await server.Client.GetAsync(url)).EnsureSuccessStatusCode();
            results.Add(await LoadAsync(server, new Scenario("list, page cached", listUrls), duration));
            results.Add(await LoadAsync(server, new Scenario("detail, page cached", detailUrls), duration));
            results.Add(await LoadAsync(server, new Scenario(FloorScenario, detailUrls.Select(u => u.Replace("/councils/", "/bare/floor/")).ToList()), duration));
            peaks.Add(("output cache on", server.PeakWorkingSet()));
        }

        Report(results, peaks, duration);
        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    /// <summary>Every page of every ward's list, and 1,000 council pages chosen with a fixed seed.</summary>
    private static (List<string> List, List<string> Detail) ReadUrls(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "App_Data", "portal.db")};Mode=ReadOnly");
        connection.Open();
        var list = new List<string>();
        using (var command = new SqliteCommand("""
            SELECT w.Code, COUNT(*) FROM DistrictCouncil d JOIN Wards w ON d.WardId = w.Id
            WHERE d.IsPublished GROUP BY w.Code, w.SortOrder ORDER BY w.SortOrder
            """, connection))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                for (var page = 1; page <= (reader.GetInt32(1) + 19) / 20; page++)
                    list.Add($"/councils?ward={reader.GetString(0)}&p={page}");
        var ids = new List<int>();
        using (var command = new SqliteCommand("SELECT Id FROM DistrictCouncil WHERE IsPublished ORDER BY Id", connection))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                ids.Add(reader.GetInt32(0));
        var random = new Random(42);
        var detail = Enumerable.Range(0, 1_000).Select(_ => $"/councils/{ids[random.Next(ids.Count)]}").Distinct().ToList();
        return (list, detail);
    }

    /// <summary>The baseline is only fair if it writes the page's HTML: compared with whitespace between tags ignored.</summary>
    private static async Task AssertSameHtmlAsync(HttpClient client, IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var page = Normalise(await client.GetStringAsync(url));
            var bare = Normalise(await client.GetStringAsync("/bare" + url));
            if (page != bare)
            {
                var at = Enumerable.Range(0, Math.Min(page.Length, bare.Length)).FirstOrDefault(i => page[i] != bare[i]);
                throw new InvalidOperationException($"The bare endpoint's HTML differs from {url} at {at}:\n page: {page[Math.Max(0, at - 80)..Math.Min(page.Length, at + 80)]}\n bare: {bare[Math.Max(0, at - 80)..Math.Min(bare.Length, at + 80)]}");
            }
        }
    }

    private static string Normalise(string html) => Whitespace().Replace(BetweenTags().Replace(html.Trim(), "><"), " ");

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static async Task<Result> LoadAsync(ServerProcess server, Scenario scenario, TimeSpan duration)
    {
        var client = server.Client;
        await RunWorkersAsync(client, scenario.Urls, WarmUp, null);
        var cpuBefore = server.CpuTime();
        var latencies = new List<long>[Connections];
        var errors = new long[Connections];
        var started = Stopwatch.GetTimestamp();
        await RunWorkersAsync(client, scenario.Urls, duration, (worker, ticks, ok) =>
        {
            (latencies[worker] ??= new List<long>(50_000)).Add(ticks);
            if (!ok) errors[worker]++;
        });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = server.CpuTime() - cpuBefore;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        var result = new Result(scenario.Name, all.Length / elapsed, Percentile(0.50), Percentile(0.99), all.Length, errors.Sum(),
            cpu.TotalMicroseconds / Math.Max(1, all.Length));
        Console.Error.WriteLine($"{result.Name}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, {result.Errors} errors, server CPU {result.ServerCpuPerRequest:F0} µs/request");
        return result;
    }

    private static async Task RunWorkersAsync(HttpClient client, IReadOnlyList<string> urls, TimeSpan duration, Action<int, long, bool>? record)
    {
        var next = -1;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(worker => Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var url = urls[(int)((uint)Interlocked.Increment(ref next) % (uint)urls.Count)];
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0) { }
                record?.Invoke(worker, Stopwatch.GetTimestamp() - start, response.StatusCode == HttpStatusCode.OK);
            }
        })));
    }

    private static void Report(List<Result> results, List<(string Server, long PeakBytes)> peaks, TimeSpan duration)
    {
        Result R(string name) => results.Single(r => r.Name == name);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"{Connections} connections, {WarmUp.TotalSeconds:F0} s warm-up then {duration.TotalSeconds:F0} s per row, {Environment.ProcessorCount} cores, client and server on this machine.");
        Console.WriteLine();
        Console.WriteLine("| scenario | requests/s | p50 ms | p99 ms | requests | errors | server CPU µs/request |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine(string.Create(c, $"| {r.Name} | {r.RequestsPerSecond:F0} | {r.P50:F1} | {r.P99:F1} | {r.Requests} | {r.Errors} | {r.ServerCpuPerRequest:F0} |"));
        Console.WriteLine();
        // Requests/s divide each other directly; CPU per request inversely (half the CPU is twice the rate).
        string Ratios(string page, string baseline, string format)
        {
            double ByRate(string kind) => R($"{kind}, {page}").RequestsPerSecond / R($"{kind}, {baseline}").RequestsPerSecond;
            double ByCpu(string kind) => R($"{kind}, {baseline}").ServerCpuPerRequest / R($"{kind}, {page}").ServerCpuPerRequest;
            return string.Join(" | ", new[] { ByRate("list"), ByRate("detail"), ByCpu("list"), ByCpu("detail") }.Select(x => x.ToString(format, c)));
        }
        Console.WriteLine("| ratio | list, requests/s | detail, requests/s | list, server CPU | detail, server CPU |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| uncached page / bare endpoint (target ≥ 0.8) | {Ratios("page uncached", "bare endpoint", "F2")} |");
        Console.WriteLine($"| cached page / uncached page (target ≥ 10) | {Ratios("page cached", "page uncached", "F1")} |");
        var floor = R(FloorScenario);
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"The cached council page ran at {R("detail, page cached").RequestsPerSecond / floor.RequestsPerSecond:P0} of the rate of a fixed {FloorBytes:N0}-byte answer through the same middleware ({floor.RequestsPerSecond:F0} requests/s)."));
        Console.WriteLine();
        foreach (var (server, peak) in peaks)
            Console.WriteLine(string.Create(c, $"Peak working set of the server, {server}: {peak / 1024.0 / 1024.0:F0} MiB"));
    }

    /// <summary>The portal in a process of its own, so that its peak working set is its own.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, HttpClient client) => (_process, Client) = (process, client);

        public HttpClient Client { get; }

        public static async Task<ServerProcess> StartAsync(string dataDirectory, bool cache)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Run as "dotnet Portal.Load.dll" or as the apphost, whichever started us.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
                start.ArgumentList.Add(typeof(LoadRun).Assembly.Location);
            foreach (var arg in new[] { "serve", dataDirectory, port.ToString(CultureInfo.InvariantCulture), cache ? "cache" : "nocache" })
                start.ArgumentList.Add(arg);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, UseCookies = false, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            // The first start sets the site up and seeds 110,000 rows: allow it a while.
            var deadline = DateTime.UtcNow.AddMinutes(20);
            while (true)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"The server exited with {process.ExitCode}.");
                try
                {
                    if ((await client.GetAsync("/")).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
                await Task.Delay(500);
            }
            Console.Error.WriteLine($"Server up on port {port}, output cache {(cache ? "on" : "off")}.");
            return new ServerProcess(process, client);
        }

        public TimeSpan CpuTime()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        /// <summary>VmHWM: the most resident memory the process has had.</summary>
        public long PeakWorkingSet()
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
