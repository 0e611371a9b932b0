using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.Digests.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

public sealed class UnsubscribeAndSubscriptionTests(MailboxSmtpFixture fixture) : IClassFixture<MailboxSmtpFixture>
{
    [Fact]
    public async Task One_click_unsubscribe_without_cookies_or_antiforgery_stops_later_digests_and_forged_tokens_get_400()
    {
        var smtp = fixture.Smtp;
        await using var site = await DigestTestSite.StartAsync(smtp);
        var kita = await site.WardAsync("27127");
        site.Source.MeetingsByWard[kita.Id] = [new DigestItem("北区 合同会議", "/meetings/1", null, null)];
        const string leaving = "f-leaving@example.jp", staying = "f-staying@example.jp";
        await site.AddRecipientAsync(leaving, kita.Id);
        await site.AddRecipientAsync(staying, kita.Id);
        await site.RunJobAsync();

        var mail = Assert.Single(smtp.MessagesTo([leaving]));
        var link = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var path = link.PathAndQuery;
        using var anonymous = new HttpClient { BaseAddress = site.Host.BaseAddress };

        var confirm = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("配信を停止しますか", await confirm.Content.ReadAsStringAsync());

        var oneClick = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("配信を停止しました", await oneClick.Content.ReadAsStringAsync());

        var forged = await anonymous.PostAsync("/digests/unsubscribe/CfDJ8forged-token", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Contains("配信停止のリンクが無効です", await forged.Content.ReadAsStringAsync());
        var token = path[(path.LastIndexOf('/') + 1)..];
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/digests/unsubscribe/" + tampered, null)).StatusCode);
        var forgedPage = await anonymous.GetAsync("/digests/unsubscribe/forged");
        Assert.Equal(HttpStatusCode.BadRequest, forgedPage.StatusCode);
        Assert.Contains("有効期限が切れています", await forgedPage.Content.ReadAsStringAsync());

        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.RunJobAsync();

        Assert.Single(smtp.MessagesTo([leaving]));
        Assert.Equal(2, smtp.MessagesTo([staying]).Count);
    }

    [Fact]
    public async Task Users_manage_only_their_own_subscriptions_with_japanese_validation()
    {
        await using var site = await DigestTestSite.StartAsync(fixture.Smtp);
        var kita = await site.WardAsync("27127");
        using var anonymous = site.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/digests/subscriptions")).StatusCode);

        using var owner = site.Host.CreateClient();
        await owner.LoginAsync(TestUsers.KitaWard);
        var invalid = await owner.SubmitFormAsync("/digests/subscriptions", [new("Input.WardId", ""), new("Input.OrganisationId", ""), new("Input.Frequency", "Daily")]);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("区または組織のどちらかを選択してください。", await invalid.Content.ReadAsStringAsync());
        var noFrequency = await owner.SubmitFormAsync("/digests/subscriptions", [new("Input.WardId", kita.Id.ToString())]);
        Assert.Contains("配信頻度を選択してください。", await noFrequency.Content.ReadAsStringAsync());
        var unknownWard = await owner.SubmitFormAsync("/digests/subscriptions", [new("Input.WardId", "99999"), new("Input.Frequency", "Weekly")]);
        Assert.Contains("区を一覧から選択してください。", await unknownWard.Content.ReadAsStringAsync());

        var saved = await owner.SubmitFormAsync("/digests/subscriptions", [new("Input.WardId", kita.Id.ToString()), new("Input.Frequency", "Weekly")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var subscription = await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<DigestSubscription>()
            .Include(s => s.User).SingleAsync(s => s.User!.UserName == TestUsers.KitaWard));
        Assert.Equal((kita.Id, (int?)null, DigestFrequency.Weekly), (subscription.WardId!.Value, subscription.OrganisationId, subscription.Frequency));
        Assert.Contains("毎週（月曜日）", await owner.GetStringAsync("/digests/subscriptions"));

        using var other = site.Host.CreateClient();
        await other.LoginAsync(TestUsers.ChuoWard);
        Assert.DoesNotContain("毎週（月曜日）</option>", await other.GetStringAsync("/digests/subscriptions"));
        var hijack = await other.SubmitFormAsync("/digests/subscriptions", [new("frequency", "Off")],
            postUrl: $"/digests/subscriptions?handler=Frequency&id={subscription.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, hijack.StatusCode);
        var delete = await other.SubmitFormAsync("/digests/subscriptions", [], postUrl: $"/digests/subscriptions?handler=Delete&id={subscription.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        var changed = await owner.SubmitFormAsync("/digests/subscriptions", [new("frequency", "Daily")],
            postUrl: $"/digests/subscriptions?handler=Frequency&id={subscription.Id}");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var frequency = await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<DigestSubscription>()
            .Where(s => s.Id == subscription.Id).Select(s => s.Frequency).SingleAsync());
        Assert.Equal(DigestFrequency.Daily, frequency);
    }
}
