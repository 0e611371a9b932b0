using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Portal.Tests.Digests;

/// <summary>
/// A real SMTP server on 127.0.0.1 with a free port: Debian's aiosmtpd storing mail in a Maildir, either the stock
/// Mailbox handler or smtp_faults.py (451/550 on chosen recipients, faults on MAIL FROM or DATA). Missing python3-aiosmtpd fails the test, never skips it.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpTestServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    /// <summary>Settings that point the portal at this server.</summary>
    public Dictionary<string, string?> PortalSettings() => new()
    {
        ["Portal:Smtp:Host"] = "127.0.0.1",
        ["Portal:Smtp:Port"] = Port.ToString(),
        ["Portal:Smtp:UseTls"] = "none",
        ["Portal:Smtp:From"] = "noreply@portal.example.jp",
        ["Portal:PublicBaseUrl"] = "https://portal.example.jp",
    };

    public static Task<SmtpTestServer> StartMailboxAsync() =>
        StartAsync((port, dir) => ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", dir]);

    /// <param name="faultFile">While this file exists, its lines "MAIL reply" / "DATA reply" answer every MAIL FROM / DATA (see smtp_faults.py).</param>
    public static Task<SmtpTestServer> StartFaultyAsync(IReadOnlyDictionary<string, int> tempFailures, IEnumerable<string> rejected, string? faultFile = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Digests", "smtp_faults.py");
        return StartAsync((port, dir) =>
            [script, port.ToString(), dir,
             .. tempFailures.SelectMany(t => new[] { "--tempfail", $"{t.Key}:{t.Value}" }),
             .. rejected.SelectMany(r => new[] { "--reject", r }),
             .. faultFile is null ? Array.Empty<string>() : ["--fault-file", faultFile]]);
    }

    private static async Task<SmtpTestServer> StartAsync(Func<int, string, string[]> arguments)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        await RequireAiosmtpdAsync(python);
        // A path that does not exist yet: Python's Maildir creates it with its tmp/new/cur folders.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("portal-mail-").FullName, "Maildir");
        var port = FreePort();
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments(port, maildir))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start python3.");
        var server = new SmtpTestServer(process, port, maildir);
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (waiting.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }
        }
    }

    private static async Task RequireAiosmtpdAsync(string python)
    {
        var check = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true })!;
        await check.WaitForExitAsync();
        if (check.ExitCode != 0)
            throw new InvalidOperationException(
                $"The digest tests need a real SMTP server: {python} cannot import aiosmtpd. Install it with `apt-get install -y python3-aiosmtpd`.");
    }

    /// <summary>A loopback port nothing listens on (at this moment).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Every message the server accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        new[] { "new", "cur" }
            .Select(sub => Path.Combine(Maildir, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(path => MimeMessage.Load(path))
            .ToList();

    /// <summary>Messages to any of <paramref name="addresses"/> (tests share a server and tell their mail apart by recipient).</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(IEnumerable<string> addresses)
    {
        var set = addresses.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Messages().Where(m => m.To.Mailboxes.Any(a => set.Contains(a.Address))).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(Maildir)!, recursive: true); } catch (IOException) { }
    }
}
