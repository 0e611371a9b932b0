using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A private Redis of a test run: Debian's /usr/bin/redis-server on 127.0.0.1 with a free port and a temporary working
/// directory, nothing written to disk (--save "" --appendonly no), killed and removed at the end. A missing
/// redis-server fails the tests with the package to install: they are never skipped.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Binary = "/usr/bin/redis-server";

    private Process? _process;
    private string? _directory;
    private ConnectionMultiplexer? _connection;
    private readonly System.Text.StringBuilder _output = new();

    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration string the portal gets as Portal:Redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>A connection of the test's own, to look at what the nodes stored.</summary>
    public IDatabase Database => (_connection ?? throw new InvalidOperationException("Redis has not started.")).GetDatabase();

    public async Task InitializeAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException(
                $"The scale-out tests need a real Redis: {Binary} is missing. Install the Debian package 'redis-server' " +
                "(tests/run.sh does; its service need not run, the tests start their own server).");

        _directory = Directory.CreateTempSubdirectory("portal-redis-").FullName;
        Port = FreePort();
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in (string[])
                 ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "no",
                  "--daemonize", "no", "--databases", "1", "--loglevel", "warning"])
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Binary}.");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var waiting = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                string output;
                lock (_output) output = _output.ToString();
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{output}");
            }
            try
            {
                _connection = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
                {
                    EndPoints = { { IPAddress.Loopback, Port } }, ConnectTimeout = 1000, AbortOnConnectFail = true,
                });
                await _connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (waiting.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        if (_directory is not null)
            PortalTestHost.DeleteDirectory(_directory);
    }
}
