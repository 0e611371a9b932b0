using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

/// <summary>The scale-out database: conditional-UPDATE claims under two concurrent senders on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDigestTests(PostgresServer server)
{
    [Fact]
    public async Task Two_senders_on_PostgreSQL_deliver_each_digest_exactly_once()
    {
        await using var smtp = await SmtpTestServer.StartMailboxAsync();
        await using var site = await DigestTestSite.StartAsync(smtp, await server.HostSettingsAsync());
        var kita = await site.WardAsync("27127");
        site.Source.MeetingsByWard[kita.Id] = [new Portal.Core.Digests.DigestItem("北区 合同会議", "/meetings/1", null, null)];
        var recipients = await site.AddRecipientsAsync("pg-", 20, kita.Id);

        var results = await Task.WhenAll(site.RunJobAsync(), site.RunJobAsync());
        await site.RunJobAsync();

        Assert.Equal(20, results.Sum(r => r.Sent));
        Assert.Equal(recipients.Order(), smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).Order());
        var deliveries = await site.DeliveriesAsync();
        Assert.All(deliveries.Where(d => d.Run!.Frequency == DigestFrequency.Daily), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.True(await site.WithAsync(sp => Task.FromResult(sp.GetRequiredService<PortalDbContext>().Database.IsNpgsql())));
    }
}
