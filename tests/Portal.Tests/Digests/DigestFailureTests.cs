using Portal.Core.Digests;
using Portal.Modules.Digests.Models;

namespace Portal.Tests.Digests;

/// <summary>4xx is retried after a delay (a bounded number of times), 5xx fails at once; neither stops the other recipients.</summary>
public sealed class DigestFailureTests(FaultySmtpFixture fixture) : IClassFixture<FaultySmtpFixture>
{
    [Fact]
    public async Task Temporary_failures_are_retried_after_the_delay_and_permanent_ones_fail_with_the_server_message()
    {
        var smtp = fixture.Smtp;
        await using var site = await DigestTestSite.StartAsync(smtp, new Dictionary<string, string?>
        {
            ["Portal:Digests:RetryDelay"] = "00:15:00",
            ["Portal:Digests:MaxAttempts"] = "3",
        });
        var kita = await site.WardAsync("27127");
        site.Source.MeetingsByWard[kita.Id] = [new DigestItem("北区 合同会議", "/meetings/1", null, null)];
        string[] all = [FaultySmtpFixture.TemporaryOnce, FaultySmtpFixture.TemporaryAlways, FaultySmtpFixture.Rejected, FaultySmtpFixture.Fine];
        foreach (var address in all)
            await site.AddRecipientAsync(address, kita.Id);

        var first = await site.RunJobAsync();

        Assert.Equal((1, 2, 1), (first.Sent, first.Retrying, first.Failed));
        var byEmail = (await site.DeliveriesAsync()).ToDictionary(d => d.Email);
        Assert.Equal(DeliveryStatus.Sent, byEmail[FaultySmtpFixture.Fine].Status);
        var rejected = byEmail[FaultySmtpFixture.Rejected];
        Assert.Equal(DeliveryStatus.Failed, rejected.Status);
        Assert.StartsWith("550 ", rejected.LastError);
        Assert.Contains("User unknown", rejected.LastError);
        var retrying = byEmail[FaultySmtpFixture.TemporaryOnce];
        Assert.Equal((DeliveryStatus.Retrying, 1), (retrying.Status, retrying.Attempts));
        Assert.StartsWith("451 ", retrying.LastError);
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime.AddMinutes(15), retrying.NextAttemptUtc);

        Assert.Equal(0, (await site.RunJobAsync()).Total); // not before the delay

        site.Clock.Advance(TimeSpan.FromMinutes(16));
        var second = await site.RunJobAsync();
        Assert.Equal((1, 1), (second.Sent, second.Retrying));
        site.Clock.Advance(TimeSpan.FromMinutes(31)); // the delay doubles
        var third = await site.RunJobAsync();
        Assert.Equal((0, 1), (third.Sent, third.Failed));
        site.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await site.RunJobAsync()).Total);

        byEmail = (await site.DeliveriesAsync()).ToDictionary(d => d.Email);
        Assert.Equal((DeliveryStatus.Sent, 2), (byEmail[FaultySmtpFixture.TemporaryOnce].Status, byEmail[FaultySmtpFixture.TemporaryOnce].Attempts));
        Assert.Equal((DeliveryStatus.Failed, 3), (byEmail[FaultySmtpFixture.TemporaryAlways].Status, byEmail[FaultySmtpFixture.TemporaryAlways].Attempts));
        Assert.Equal(DeliveryStatus.Failed, byEmail[FaultySmtpFixture.Rejected].Status);
        var received = smtp.MessagesTo(all).Select(m => m.To.Mailboxes.Single().Address).Order().ToArray();
        Assert.Equal([FaultySmtpFixture.TemporaryOnce, FaultySmtpFixture.Fine], received);
    }
}
