using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.Digests.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

/// <summary>
/// A fault of the mail server (every MAIL FROM or DATA refused, the server unreachable) fails no recipient: the run is
/// suspended after a few consecutive server-level failures and resumed later, or resent by an administrator, and every
/// mail of the period is then sent once. A recipient the server refuses (550 on RCPT) fails alone.
/// </summary>
public sealed class DigestServerFailureTests(ServerFaultSmtpFixture fixture) : IClassFixture<ServerFaultSmtpFixture>, IDisposable
{
    /// <summary>A fixed Wednesday, 10:00 in Tokyo: Tuesday's daily digest (2026-11-24) is due.</summary>
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Portal:Digests:ServerFailureLimit"] = "3",
        ["Portal:Digests:SuspendDelay"] = "00:30:00",
    };

    public void Dispose() => fixture.Repair();

    [Theory]
    [InlineData("mail-5xx", "MAIL", "554 5.7.1 Sender address rejected: Access denied")]
    [InlineData("mail-4xx", "MAIL", "451 4.3.0 Queue full, try again later")]
    [InlineData("data-5xx", "DATA", "554 5.3.0 Mail system misconfigured")]
    public async Task A_server_refusing_every_message_fails_nobody_suspends_the_run_and_resumes_it_later(string name, string command, string reply)
    {
        fixture.Break(command, reply);
        await using var site = await StartSiteAsync();
        var recipients = await AddRecipientsAsync(site, $"s-{name}-", 5);

        await site.RunJobAsync();

        var deliveries = await site.DeliveriesAsync();
        Assert.DoesNotContain(deliveries, d => d.Status == DeliveryStatus.Failed);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Pending, 0), (d.Status, d.Attempts)));
        // Stopped after the third server-level failure: the last two were not even tried.
        Assert.Equal(3, deliveries.Count(d => d.LastError is not null));
        Assert.All(deliveries.Where(d => d.LastError is not null), d => Assert.StartsWith(reply[..3], d.LastError));
        var runId = deliveries[0].RunId;
        using var admin = site.Host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var run = await RunOnAdminPageAsync(admin, runId);
        Assert.Equal("Suspended", run.GetAttribute("data-state"));
        Assert.Contains(reply, run.TextContent);
        Assert.Contains("2026年11月25日 10:30", run.TextContent); // resumes 30 minutes later (Tokyo time)

        site.Clock.Advance(TimeSpan.FromMinutes(20));
        fixture.Repair();
        await site.RunJobAsync(); // still suspended: nothing is tried
        Assert.Equal(3, (await site.DeliveriesAsync()).Count(d => d.LastError is not null));
        Assert.Empty(fixture.Smtp.MessagesTo(recipients));

        site.Clock.Advance(TimeSpan.FromMinutes(11));
        await site.RunJobAsync();
        await site.RunJobAsync();

        deliveries = await site.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        Assert.Equal(recipients.Order(), fixture.Smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal("Active", (await RunOnAdminPageAsync(admin, runId)).GetAttribute("data-state"));
    }

    [Fact]
    public async Task An_unreachable_server_fails_nobody_and_suspends_the_run()
    {
        await using var site = await StartSiteAsync(new() { ["Portal:Smtp:Port"] = SmtpTestServer.FreePort().ToString() });
        await AddRecipientsAsync(site, "s-closed-", 4);

        await site.RunJobAsync();

        var deliveries = await site.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Pending, 0), (d.Status, d.Attempts)));
        Assert.Equal(3, deliveries.Count(d => d.LastError is not null));
        using var admin = site.Host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        Assert.Equal("Suspended", (await RunOnAdminPageAsync(admin, deliveries[0].RunId)).GetAttribute("data-state"));
    }

    [Fact]
    public async Task A_dead_server_with_fewer_due_deliveries_than_the_limit_still_suspends_the_run()
    {
        fixture.Break("MAIL", "451 4.3.0 Queue full, try again later");
        await using var site = await StartSiteAsync();
        var recipients = await AddRecipientsAsync(site, "s-few-", 2); // fewer than ServerFailureLimit (3)

        await site.RunJobAsync();

        var deliveries = await site.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Pending, 0), (d.Status, d.Attempts)));
        Assert.All(deliveries, d => Assert.StartsWith("451 ", d.LastError));
        var runId = deliveries[0].RunId;
        using var admin = site.Host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var run = await RunOnAdminPageAsync(admin, runId);
        Assert.Equal("Suspended", run.GetAttribute("data-state"));
        Assert.Contains("2026年11月25日 10:30", run.TextContent);

        site.Clock.Advance(TimeSpan.FromMinutes(20));
        fixture.Break("MAIL", "554 5.7.1 Still broken");
        await site.RunJobAsync(); // suspended: nothing is tried, so the first error stays
        Assert.All(await site.DeliveriesAsync(), d => Assert.StartsWith("451 ", d.LastError));

        site.Clock.Advance(TimeSpan.FromMinutes(11));
        fixture.Repair();
        await site.RunJobAsync();

        Assert.All(await site.DeliveriesAsync(), d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        Assert.Equal(recipients.Order(), fixture.Smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal("Active", (await RunOnAdminPageAsync(admin, runId)).GetAttribute("data-state"));
    }

    [Fact]
    public async Task A_message_the_server_refuses_among_accepted_ones_fails_after_a_few_passes_and_can_be_resent()
    {
        await using var site = await StartSiteAsync(new()
        {
            ["Portal:Digests:MaxServerFailuresPerDelivery"] = "3",
            ["Portal:Digests:MaxSuspendDelay"] = "00:30:00",
        });
        var recipients = await AddRecipientsAsync(site, "s-toobig-", 4);
        var tooBig = recipients[1];
        fixture.Break($"DATA:{tooBig}", "552 5.3.4 Message size exceeds fixed maximum message size");

        for (var pass = 0; pass < 5; pass++) // the other mails go out in the first pass; the refused one is tried on each
        {
            await site.RunJobAsync();
            site.Clock.Advance(TimeSpan.FromMinutes(31)); // past any suspension
        }

        var byEmail = (await site.DeliveriesAsync()).ToDictionary(d => d.Email);
        Assert.Equal((DeliveryStatus.Failed, false), (byEmail[tooBig].Status, byEmail[tooBig].RecipientRefused));
        Assert.StartsWith("552 ", byEmail[tooBig].LastError);
        var others = recipients.Where(a => a != tooBig).ToList();
        Assert.All(others, a => Assert.Equal((DeliveryStatus.Sent, 1), (byEmail[a].Status, byEmail[a].Attempts)));
        Assert.Equal(others.Order(), fixture.Smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).Order());
        var runId = byEmail[tooBig].RunId;
        using var admin = site.Host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var run = await RunOnAdminPageAsync(admin, runId);
        Assert.Equal("Active", run.GetAttribute("data-state"));
        Assert.Contains("完了（送信できなかった配信あり）", run.TextContent);
        Assert.Equal("1", run.QuerySelector("[data-status=Failed]")?.TextContent.Trim());
        Assert.Equal("3", run.QuerySelector("[data-status=Sent]")?.TextContent.Trim());

        fixture.Repair(); // e.g. the administrator raised the size limit
        Assert.Equal(HttpStatusCode.Redirect, (await ResendAsync(admin, runId)).StatusCode);
        await site.RunJobAsync();

        Assert.All(await site.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(recipients.Order(), fixture.Smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task Refused_recipients_fail_alone_do_not_suspend_the_run_and_are_not_resent()
    {
        await using var site = await StartSiteAsync();
        var kita = await site.WardAsync("27127");
        foreach (var address in ServerFaultSmtpFixture.Refused) // more refusals in a row than the server-level limit
            await site.AddRecipientAsync(address, kita.Id);
        var fine = await AddRecipientsAsync(site, "s-fine-", 2);

        await site.RunJobAsync();

        var byEmail = (await site.DeliveriesAsync()).ToDictionary(d => d.Email);
        Assert.All(ServerFaultSmtpFixture.Refused, a => Assert.Equal(DeliveryStatus.Failed, byEmail[a].Status));
        Assert.All(ServerFaultSmtpFixture.Refused, a => Assert.StartsWith("550 ", byEmail[a].LastError));
        Assert.All(fine, a => Assert.Equal(DeliveryStatus.Sent, byEmail[a].Status));
        var runId = byEmail[fine[0]].RunId;
        using var admin = site.Host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var run = await RunOnAdminPageAsync(admin, runId);
        Assert.Equal("Active", run.GetAttribute("data-state"));
        Assert.Equal("4", run.QuerySelector("[data-status=Failed]")?.TextContent.Trim());
        Assert.Equal("2", run.QuerySelector("[data-status=Sent]")?.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await ResendAsync(admin, runId)).StatusCode);
        await site.RunJobAsync();

        byEmail = (await site.DeliveriesAsync()).ToDictionary(d => d.Email);
        Assert.All(ServerFaultSmtpFixture.Refused, a => Assert.Equal((DeliveryStatus.Failed, 1), (byEmail[a].Status, byEmail[a].Attempts)));
        Assert.Equal(2, fixture.Smtp.MessagesTo(fine).Count);
    }

    [Fact]
    public async Task An_administrator_resends_a_suspended_run_at_once_and_nobody_else_can()
    {
        fixture.Break("MAIL", "530 5.7.0 Authentication required");
        await using var site = await StartSiteAsync();
        var recipients = await AddRecipientsAsync(site, "s-resend-", 5);
        await site.RunJobAsync();
        var deliveries = await site.DeliveriesAsync();
        var runId = deliveries[0].RunId;
        // A delivery an older portal marked Failed for a server-level refusal: the resend takes it back too.
        var lost = deliveries[^1].Id;
        await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<DigestDelivery>().Where(d => d.Id == lost)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.Attempts, 1)
                .SetProperty(d => d.LastError, "530 5.7.0 Authentication required")));

        using var anonymous = site.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin/digests")).StatusCode);
        using var staff = site.Host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWard);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/digests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ResendAsync(staff, runId, tokenPage: "/digests/subscriptions")).StatusCode);
        Assert.Equal(DeliveryStatus.Failed, (await site.DeliveriesAsync()).Single(d => d.Id == lost).Status);

        using var admin = site.Host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        Assert.Equal("Suspended", (await RunOnAdminPageAsync(admin, runId)).GetAttribute("data-state"));
        Assert.Equal(HttpStatusCode.NotFound, (await ResendAsync(admin, 99999999)).StatusCode);
        fixture.Repair();
        var twice = await Task.WhenAll(ResendAsync(admin, runId), ResendAsync(admin, runId));
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        Assert.Equal("Active", (await RunOnAdminPageAsync(admin, runId)).GetAttribute("data-state"));
        Assert.All(await site.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        await Task.WhenAll(site.RunJobAsync(), site.RunJobAsync()); // no clock advance: "now" means now
        await site.RunJobAsync();

        Assert.All(await site.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(recipients.Order(), fixture.Smtp.MessagesTo(recipients).Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    private async Task<DigestTestSite> StartSiteAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        return await DigestTestSite.StartAsync(fixture.Smtp, settings, WednesdayMorning);
    }

    private static async Task<List<string>> AddRecipientsAsync(DigestTestSite site, string prefix, int count)
    {
        var kita = await site.WardAsync("27127");
        site.Source.MeetingsByWard[kita.Id] = [new DigestItem("北区 合同会議", "/meetings/1", null, null)];
        return await site.AddRecipientsAsync(prefix, count, kita.Id);
    }

    /// <summary>The run's entry on the administrators' digest page.</summary>
    private static async Task<IElement> RunOnAdminPageAsync(PortalClient admin, int runId)
    {
        var response = await admin.GetAsync("/admin/digests");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector($"#run-{runId}") ?? throw new Xunit.Sdk.XunitException($"Run {runId} is not on /admin/digests.");
    }

    private static Task<HttpResponseMessage> ResendAsync(PortalClient client, int runId, string tokenPage = "/admin/digests") =>
        client.PostWithTokenFromAsync(tokenPage, $"/admin/digests?handler=Resend&id={runId}", []);
}
