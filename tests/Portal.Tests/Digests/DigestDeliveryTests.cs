using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Core.Time;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;

namespace Portal.Tests.Digests;

/// <summary>Sending digests through a real SMTP server: content, exactly-once, concurrent senders, interrupted and crashed senders.</summary>
public sealed class DigestDeliveryTests(MailboxSmtpFixture fixture) : IClassFixture<MailboxSmtpFixture>
{
    private SmtpTestServer Smtp => fixture.Smtp;

    [Fact]
    public async Task Daily_digest_arrives_once_per_recipient_in_japanese_with_one_click_unsubscribe_headers()
    {
        await using var site = await DigestTestSite.StartAsync(Smtp);
        var kita = await site.WardAsync("27127");
        var chuo = await site.WardAsync("27128");
        var meetingUtc = TokyoTime.ToUtc(DateTime.Parse("2026-12-03T14:00:00", CultureInfo.InvariantCulture));
        site.Source.MeetingsByWard[kita.Id] = [new DigestItem("北区 地域福祉合同会議", "/meetings/12", meetingUtc, "会場: 北区役所 3階 会議室")];

        var recipients = new[] { "a-once-1@example.jp", "a-once-2@example.jp", "a-once-3@example.jp" };
        foreach (var address in recipients)
            await site.AddRecipientAsync(address, kita.Id);
        await site.AddRecipientAsync("a-nothing@example.jp", chuo.Id);           // every section empty: no mail
        await site.AddRecipientAsync("a-weekly@example.jp", chuo.Id, DigestFrequency.Weekly);
        await site.AddRecipientAsync("a-off@example.jp", kita.Id, DigestFrequency.Off);
        var all = recipients.Concat(["a-nothing@example.jp", "a-weekly@example.jp", "a-off@example.jp"]).ToArray();

        var summary = await site.RunJobAsync();
        await site.RunJobAsync();

        Assert.Equal(3, summary.Sent);
        var messages = Smtp.MessagesTo(all);
        Assert.Equal(recipients.Order(), messages.Select(m => m.To.Mailboxes.Single().Address).Order());

        var yesterday = TokyoTime.ToTokyo(site.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var message = messages[0];
        Assert.Equal($"【区政協働ポータル】会議ダイジェスト {yesterday.Year}年{yesterday.Month}月{yesterday.Day}日", message.Subject);
        Assert.Equal("区政協働ポータル", message.From.Mailboxes.Single().Name);
        Assert.Equal("noreply@portal.example.jp", message.From.Mailboxes.Single().Address);

        var text = message.BodyParts.OfType<TextPart>().Single(p => p.IsPlain);
        var html = message.BodyParts.OfType<TextPart>().Single(p => p.IsHtml);
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);
        Assert.Contains("■ 今後の会議（1件）", text.Text);
        Assert.Contains("・北区 地域福祉合同会議（2026年12月3日 14:00）", text.Text);
        Assert.Contains("会場: 北区役所 3階 会議室", text.Text);
        Assert.Contains("https://portal.example.jp/meetings/12", text.Text);
        Assert.Contains("対象: 北区", text.Text);
        Assert.DoesNotContain("期限を過ぎた課題", text.Text); // empty sections are left out
        Assert.Contains("<a href=\"https://portal.example.jp/meetings/12\">北区 地域福祉合同会議</a>", html.Text);

        var unsubscribe = message.Headers["List-Unsubscribe"];
        Assert.Matches(@"^<https://portal\.example\.jp/digests/unsubscribe/[A-Za-z0-9_-]+>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        var deliveries = await site.DeliveriesAsync();
        var dailyKey = "daily:" + yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var daily = deliveries.Where(d => d.Run!.PeriodKey == dailyKey).ToList();
        Assert.Equal(4, daily.Count); // the off subscription is not planned
        Assert.Equal(recipients.Order(), daily.Where(d => d.Status == DeliveryStatus.Sent).Select(d => d.Email).Order());
        Assert.Equal("a-nothing@example.jp", Assert.Single(daily, d => d.Status == DeliveryStatus.Skipped).Email);
        var weekly = Assert.Single(deliveries, d => d.Run!.PeriodKey.StartsWith("weekly:", StringComparison.Ordinal));
        Assert.Equal(("a-weekly@example.jp", DeliveryStatus.Skipped), (weekly.Email, weekly.Status));
        var sent = deliveries.Single(d => d.Email == message.To.Mailboxes.Single().Address);
        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.Equal($"digest.{sent.RunId}.{sent.SubscriptionId}@portal.example.jp", message.MessageId);
    }

    [Fact]
    public async Task Two_jobs_running_at_once_on_one_database_send_each_digest_once()
    {
        await using var site = await DigestTestSite.StartAsync(Smtp);
        var kita = await site.WardAsync("27127");
        site.Source.MeetingsByWard[kita.Id] = [new DigestItem("北区 合同会議", "/meetings/1", null, null)];
        var recipients = await site.AddRecipientsAsync("b-concurrent-", 30, kita.Id);

        var results = await Task.WhenAll(site.RunJobAsync(), site.RunJobAsync());
        await site.RunJobAsync();

        Assert.Equal(30, results.Sum(r => r.Sent));
        var delivered = Smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(recipients.Order(), delivered.Order());
        var runs = await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<DigestRun>().CountAsync());
        Assert.Equal(2, runs); // one daily and one weekly run, each planned once
    }

    [Fact]
    public async Task A_sender_stopped_mid_run_leaves_nothing_claimed_and_the_next_run_sends_the_rest_exactly_once()
    {
        await using var site = await DigestTestSite.StartAsync(Smtp);
        var kita = await site.WardAsync("27127");
        site.Source.MeetingsByWard[kita.Id] = [new DigestItem("北区 合同会議", "/meetings/1", null, null)];
        var recipients = await site.AddRecipientsAsync("c-stopped-", 12, kita.Id);
        await site.WithAsync(sp => sp.GetRequiredService<DigestPlanner>().PlanEndedPeriodsAsync());

        using var stop = new CancellationTokenSource();
        var first = await site.WithAsync(sp =>
        {
            var sender = sp.GetRequiredService<DigestSender>();
            var settled = 0;
            sender.DeliverySettled += (_, _) => { if (++settled == 5) stop.Cancel(); };
            return sender.SendDueAsync(stop.Token);
        });

        Assert.Equal(5, first.Sent);
        Assert.Equal(5, Smtp.MessagesTo(recipients).Count);
        var afterStop = await site.DeliveriesAsync();
        Assert.DoesNotContain(afterStop, d => d.Status == DeliveryStatus.Sending);
        Assert.Equal(7, afterStop.Count(d => d.Status == DeliveryStatus.Pending));

        var second = await site.RunJobAsync();

        Assert.Equal(7, second.Sent);
        var delivered = Smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(recipients.Order(), delivered.Order());
        Assert.All(await site.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task A_delivery_claimed_by_a_crashed_sender_is_resumed_after_its_lease_with_the_same_message_id()
    {
        await using var site = await DigestTestSite.StartAsync(Smtp);
        var kita = await site.WardAsync("27127");
        site.Source.MeetingsByWard[kita.Id] = [new DigestItem("北区 合同会議", "/meetings/1", null, null)];
        var recipients = await site.AddRecipientsAsync("d-crash-", 3, kita.Id);
        await site.WithAsync(sp => sp.GetRequiredService<DigestPlanner>().PlanEndedPeriodsAsync());
        var crashed = (await site.DeliveriesAsync()).First();
        var leaseEnd = site.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        // What a node leaves behind when it dies after claiming (and maybe sending) a delivery.
        await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<DigestDelivery>().Where(d => d.Id == crashed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.ClaimedUntilUtc, leaseEnd).SetProperty(d => d.Attempts, 1)));

        var whileLeased = await site.RunJobAsync();
        Assert.Equal(2, whileLeased.Sent);
        Assert.DoesNotContain(Smtp.MessagesTo(recipients), m => m.To.Mailboxes.Single().Address == crashed.Email);

        site.Clock.Advance(TimeSpan.FromMinutes(11));
        var afterLease = await site.RunJobAsync();

        Assert.Equal(1, afterLease.Sent);
        var resumed = Assert.Single(Smtp.MessagesTo([crashed.Email]));
        Assert.Equal($"digest.{crashed.RunId}.{crashed.SubscriptionId}@portal.example.jp", resumed.MessageId);
        Assert.Equal(3, Smtp.MessagesTo(recipients).Count);
        var final = (await site.DeliveriesAsync()).Single(d => d.Id == crashed.Id);
        Assert.Equal((DeliveryStatus.Sent, 2), (final.Status, final.Attempts));
    }

    [Fact]
    public async Task Only_a_period_that_has_ended_can_be_planned()
    {
        await using var site = await DigestTestSite.StartAsync(Smtp);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithAsync(async sp =>
        {
            var planner = sp.GetRequiredService<DigestPlanner>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => planner.PlanAsync(DigestPeriod.Containing(DigestFrequency.Daily, now)));
            Assert.NotNull(await planner.PlanAsync(DigestPeriod.LastEnded(DigestFrequency.Daily, now)));
            Assert.Null(await planner.PlanAsync(DigestPeriod.LastEnded(DigestFrequency.Daily, now))); // the second planner continues
            return 0;
        });
    }

    [Fact]
    public async Task Periods_missed_while_the_site_was_down_are_each_planned_once_in_order()
    {
        await using var site = await DigestTestSite.StartAsync(Smtp);
        var first = await site.WithAsync(sp => sp.GetRequiredService<DigestPlanner>().PlanEndedPeriodsAsync());
        Assert.Contains(first, r => r.Frequency == DigestFrequency.Daily);

        site.Clock.Advance(TimeSpan.FromDays(3)); // three days without a run
        var caughtUp = await site.WithAsync(sp => sp.GetRequiredService<DigestPlanner>().PlanEndedPeriodsAsync());
        var again = await site.WithAsync(sp => sp.GetRequiredService<DigestPlanner>().PlanEndedPeriodsAsync());

        var lastDay = first.Single(r => r.Frequency == DigestFrequency.Daily).PeriodEndUtc;
        var daily = caughtUp.Where(r => r.Frequency == DigestFrequency.Daily).ToList();
        Assert.Equal([lastDay, lastDay.AddDays(1), lastDay.AddDays(2)], daily.Select(r => r.PeriodStartUtc));
        Assert.Empty(again);
    }
}
