using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run, shared by every test in the <see cref="PostgresCollection"/>.
/// PORTAL_TEST_POSTGRES (a connection string) names an existing server; otherwise a private one is started from
/// the installed binaries (/usr/lib/postgresql/*/bin) with a temporary data directory, a free port on 127.0.0.1
/// and trust authentication, and removed again at the end. Missing binaries fail the tests: they are never skipped.
/// Each portal host gets its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PORTAL_TEST_POSTGRES";
    private const string BinariesRoot = "/usr/lib/postgresql";

    private readonly List<string> _databases = [];
    private string? _directory;
    private string? _binaries;
    private bool _asPostgresUser;

    /// <summary>Connection string of the server's maintenance database (postgres).</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = new NpgsqlConnectionStringBuilder(external) { Database = "postgres", Pooling = false }.ToString();
            await WaitUntilReadyAsync(TimeSpan.FromSeconds(10));
            return;
        }

        _binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL tests need a server: no PostgreSQL binaries (initdb, pg_ctl) in {BinariesRoot}/*/bin. " +
            $"Install the Debian package 'postgresql' (tests/run.sh does) or set {EnvironmentVariable} to a connection string.");

        // PostgreSQL refuses to run as root: then the server runs as the postgres user, which must own its directory.
        _asPostgresUser = Environment.UserName == "root";
        _directory = Directory.CreateTempSubdirectory("portal-pg-").FullName;
        var data = Path.Combine(_directory, "data");
        var sockets = Path.Combine(_directory, "sockets");
        Directory.CreateDirectory(sockets);
        if (_asPostgresUser)
            await RunAsync("chown", ["-R", "postgres:postgres", _directory]);

        await RunAsync(Tool("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asPostgres: true);

        var port = FreePort();
        await RunAsync(Tool("pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ], asPostgres: true);

        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false,
        }.ToString();
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Creates an empty database for one portal host and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "portal_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (_databases) _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Settings that point a <see cref="PortalTestHost"/> at a fresh database of this server.</summary>
    public async Task<Dictionary<string, string?>> HostSettingsAsync() => new()
    {
        ["Portal:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Portal"] = await CreateDatabaseAsync(),
    };

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is null)
        {
            // A server we did not start keeps running: remove only the databases of this run.
            if (AdminConnectionString.Length == 0) return;
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            return;
        }

        try
        {
            await RunAsync(Tool("pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true);
        }
        finally
        {
            PortalTestHost.DeleteDirectory(_directory);
        }
    }

    private static string? FindBinaries()
    {
        if (!Directory.Exists(BinariesRoot)) return null;
        return Directory.EnumerateDirectories(BinariesRoot)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"))
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    private string Tool(string name) => Path.Combine(_binaries!, name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && waiting.Elapsed < timeout)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server's working directory must be one the postgres user may enter.
            WorkingDirectory = _directory ?? Path.GetTempPath(),
        };
        if (asPostgres && _asPostgresUser)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program]) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server holding inherited pipes: read them without waiting for their end.
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = _directory is not null && File.Exists(Path.Combine(_directory, "server.log"))
                ? File.ReadAllText(Path.Combine(_directory, "server.log"))
                : "";
            string text;
            lock (output) text = output.ToString();
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{text}\n{log}");
        }
    }
}
