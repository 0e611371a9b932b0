// Digest sender throughput vs. a raw MailKit loop, both against one local aiosmtpd started here.
// Usage: dotnet run -c Release --project benchmarks/Portal.Benchmarks [-- RECIPIENTS]   (docs/benchmarks.md)
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;
using Portal.Web;

var recipients = args.Length > 0 ? int.Parse(args[0]) : 1000;
var workDirectory = Directory.CreateTempSubdirectory("portal-bench-").FullName;
var port = FreePort();
using var smtpServer = StartAiosmtpd(port, Path.Combine(workDirectory, "Maildir"));
try
{
    await WaitForPortAsync(port);
    var app = await PortalApp.BuildAsync(
    [
        $"--contentRoot={workDirectory}", "--environment=Production", "--Portal:Digests:Enabled=false",
        "--Portal:Smtp:Host=127.0.0.1", $"--Portal:Smtp:Port={port}", "--Portal:Smtp:From=noreply@portal.example.jp",
        "--Portal:PublicBaseUrl=https://portal.example.jp",
    ], builder =>
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDigestSource, BenchmarkDigestSource>();
    });

    await using (var scope = app.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var wardId = db.Wards.OrderBy(w => w.SortOrder).First().Id;
        var now = DateTime.UtcNow;
        for (var i = 0; i < recipients; i++)
        {
            var email = $"bench{i:D5}@example.jp";
            var user = new PortalUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString() };
            db.Add(new DigestSubscription { UserId = user.Id, User = user, WardId = wardId, Frequency = DigestFrequency.Daily, CreatedUtc = now, ModifiedUtc = now });
        }
        await db.SaveChangesAsync();
    }

    // The same mail the sender builds, addressed to each recipient in turn and sent over one connection.
    MimeMessage template;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var planner = scope.ServiceProvider.GetRequiredService<DigestPlanner>();
        var run = await planner.PlanAsync(DigestPeriod.LastEnded(DigestFrequency.Daily, DateTime.UtcNow)) ?? throw new InvalidOperationException("Nothing planned.");
        var composer = scope.ServiceProvider.GetRequiredService<DigestMailComposer>();
        var source = new BenchmarkDigestSource();
        var sections = await source.CollectAsync(new DigestScope(null, null, null), run.PeriodStartUtc, run.PeriodEndUtc, default);
        template = composer.Compose(new DigestMailContent(0, run.Id, 0, "template@example.jp", DigestPeriod.Containing(run.Frequency, run.PeriodStartUtc), "北区", sections), DateTimeOffset.UtcNow);
    }

    var raw = Stopwatch.StartNew();
    using (var client = new SmtpClient())
    {
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        for (var i = 0; i < recipients; i++)
        {
            var message = new MimeMessage { Subject = template.Subject, Body = template.Body, Date = DateTimeOffset.UtcNow, MessageId = $"raw.{i}@portal.example.jp" };
            message.From.AddRange(template.From);
            message.To.Add(MailboxAddress.Parse($"raw{i:D5}@example.jp"));
            message.Headers.Add("List-Unsubscribe", template.Headers["List-Unsubscribe"]!);
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            await client.SendAsync(message);
        }
        await client.DisconnectAsync(true);
    }
    raw.Stop();

    var digest = Stopwatch.StartNew();
    SendSummary summary;
    await using (var scope = app.Services.CreateAsyncScope())
        summary = await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDueAsync();
    digest.Stop();
    if (summary.Sent != recipients)
        throw new InvalidOperationException($"The sender sent {summary.Sent} of {recipients}: {summary}.");

    var rawRate = recipients / raw.Elapsed.TotalSeconds;
    var digestRate = recipients / digest.Elapsed.TotalSeconds;
    Console.WriteLine($"recipients: {recipients}");
    Console.WriteLine($"raw MailKit loop (one connection):      {rawRate,8:F1} mails/s ({raw.Elapsed.TotalSeconds:F2} s)");
    Console.WriteLine($"digest sender (claim, compose, send, mark): {digestRate,8:F1} mails/s ({digest.Elapsed.TotalSeconds:F2} s)");
    Console.WriteLine($"ratio digest/raw: {digestRate / rawRate:F2}");
    await app.DisposeAsync();
}
finally
{
    smtpServer.Kill(entireProcessTree: true);
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(workDirectory, recursive: true); } catch (IOException) { }
}

static Process StartAiosmtpd(int port, string maildir)
{
    var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    return Process.Start(new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir]))
        ?? throw new InvalidOperationException("Cannot start aiosmtpd (apt-get install -y python3-aiosmtpd).");
}

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static async Task WaitForPortAsync(int port)
{
    for (var i = 0; i < 200; i++)
    {
        try { using var probe = new TcpClient(); await probe.ConnectAsync(IPAddress.Loopback, port); return; }
        catch (SocketException) { await Task.Delay(50); }
    }
    throw new InvalidOperationException("aiosmtpd did not start (is python3-aiosmtpd installed?).");
}

/// <summary>A digest of typical size: three upcoming meetings, the same for every scope.</summary>
sealed class BenchmarkDigestSource : IDigestSource
{
    public Task<IReadOnlyList<DigestSection>> CollectAsync(DigestScope scope, DateTime periodStartUtc, DateTime periodEndUtc, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DigestSection>>(
        [
            new DigestSection("upcoming-meetings", "今後の会議",
                Enumerable.Range(1, 3).Select(i => new DigestItem($"北区 地域福祉合同会議 第{i}回", $"/meetings/{i}", periodEndUtc.AddDays(i), "会場: 北区役所 3階 会議室")).ToList()),
        ]);
}
