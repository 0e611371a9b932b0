using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.TaskForces.Models;
using Portal.Tests.Digests;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

/// <summary>
/// The demo site set up on dates far apart (a Monday in April, the end of December, a leap day, New Year's Day just after
/// midnight) looks the same relative to its setup day: upcoming meetings in every ward, recent updates, overdue actions,
/// and digests of the right periods carrying them. Each expectation is worked out here from the pinned date alone.
/// </summary>
public sealed partial class DemoSiteOnAnyDateTests(MailboxSmtpFixture fixture) : IClassFixture<MailboxSmtpFixture>
{
    [Theory]
    [InlineData("2027-04-05T09:00:00+09:00", "2027-04-04", "2027-03-29")] // Monday: last week is Mon 29 March – Sun 4 April
    [InlineData("2026-12-28T10:00:00+09:00", "2026-12-27", "2026-12-21")] // Monday of the year's last week
    [InlineData("2028-02-29T08:30:00+09:00", "2028-02-28", "2028-02-21")] // leap day, a Tuesday
    [InlineData("2027-01-01T00:30:00+09:00", "2026-12-31", "2026-12-21")] // New Year's Day just after midnight in Tokyo (still 31 Dec in UTC)
    public async Task Setup_digest_planning_and_the_meeting_list_follow_the_pinned_date(string pinned, string yesterday, string lastWeekMonday)
    {
        var setupTime = DateTimeOffset.Parse(pinned, CultureInfo.InvariantCulture);
        var setupDay = DateOnly.FromDateTime(setupTime.DateTime);
        var clock = new FakeTimeProvider(setupTime);
        await using var host = await PortalTestHost.StartAsync(fixture.Smtp.PortalSettings(), clock: clock);
        var now = setupTime.UtcDateTime;

        // Setup: the recipe's relative dates were resolved from the pinned day.
        var wardsWithCouncils = await host.QueryAsync(db => db.Set<DistrictCouncil>().Select(c => c.Ward!.Code).Distinct().ToListAsync());
        Assert.Equal(24, wardsWithCouncils.Count);
        var upcomingWards = await host.QueryAsync(db => db.Set<Meeting>().Where(m => m.IsPublic && m.StartUtc > now).Select(m => m.Ward!.Code).Distinct().ToListAsync());
        Assert.Empty(wardsWithCouncils.Except(upcomingWards));
        var published = await host.QueryAsync(db => db.Set<CouncilUpdate>().Where(u => u.PublishedUtc != null).Select(u => u.PublishedUtc!.Value).ToListAsync());
        Assert.All(published, p => Assert.True(p < now, $"update published at {p:O}, after setup {now:O}"));
        Assert.Equal(setupDay.AddDays(-10), DateOnly.FromDateTime(TokyoDay(published.Max())));
        var overdue = await host.QueryAsync(db => db.Set<ActionItem>().Where(a => a.Status != ActionStatus.Done).Select(a => a.DueDate).ToListAsync());
        Assert.Equal([setupDay.AddDays(-19), setupDay.AddDays(-12), setupDay.AddDays(-5)], overdue.Where(d => d < setupDay).Order());

        // The meeting list: every ward shows its coming meetings above, and only those; past ones below.
        foreach (var ward in wardsWithCouncils)
        {
            var html = await host.CreateClient().GetStringAsync($"/meetings?ward={ward}");
            var pastAt = html.IndexOf("id=\"past\"", StringComparison.Ordinal);
            var upcoming = Times(html[..pastAt]);
            Assert.True(upcoming.Count > 0, $"ward {ward} lists no upcoming meeting");
            Assert.All(upcoming, t => Assert.True(t > setupTime, $"ward {ward}: {t:O} listed as upcoming"));
            Assert.All(Times(html[pastAt..]), t => Assert.True(t <= setupTime, $"ward {ward}: {t:O} listed as past"));
        }
        var miyakojimaMeeting = setupDay.AddDays(3);
        Assert.Contains($"{miyakojimaMeeting.Year}年{miyakojimaMeeting.Month}月{miyakojimaMeeting.Day}日 14:00",
            await host.CreateClient().GetStringAsync("/meetings?ward=27102"));

        // Digests: yesterday's daily and last week's weekly period are planned, and carry what the demo holds then.
        var miyakojima = await host.QueryAsync(db => db.Wards.SingleAsync(w => w.Code == "27102"));
        var kita = await host.QueryAsync(db => db.Wards.SingleAsync(w => w.Code == "27127"));
        var tag = setupDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var (miyakojimaReader, kitaReader) = ($"miyakojima-{tag}@example.jp", $"kita-{tag}@example.jp");
        await DigestTestSite.AddRecipientAsync(host, miyakojimaReader, miyakojima.Id);
        await DigestTestSite.AddRecipientAsync(host, kitaReader, kita.Id);

        await using (var scope = host.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(CancellationToken.None);

        var runs = await host.QueryAsync(db => db.Set<DigestRun>().Select(r => r.PeriodKey).OrderBy(k => k).ToListAsync());
        Assert.Equal(["daily:" + yesterday, "weekly:" + lastWeekMonday], runs);
        var day = DateOnly.Parse(yesterday, CultureInfo.InvariantCulture);
        var subject = $"【区政協働ポータル】会議ダイジェスト {day.Year}年{day.Month}月{day.Day}日";

        var toMiyakojima = Assert.Single(fixture.Smtp.MessagesTo([miyakojimaReader]));
        Assert.Equal(subject, toMiyakojima.Subject);
        Assert.Contains($"・第3回 都島区三者連絡会議（{miyakojimaMeeting.Year}年{miyakojimaMeeting.Month}月{miyakojimaMeeting.Day}日 14:00）", PlainText(toMiyakojima));

        var toKita = Assert.Single(fixture.Smtp.MessagesTo([kitaReader]));
        Assert.Equal(subject, toKita.Subject);
        var kitaText = PlainText(toKita);
        Assert.Contains("■ 期限を過ぎたアクション（3件）", kitaText);
        Assert.Contains($"期限 {setupDay.AddDays(-19):yyyy-MM-dd}", kitaText);
    }

    private static DateTime TokyoDay(DateTime utc) => Portal.Core.Time.TokyoTime.ToTokyo(utc);

    private static string PlainText(MimeMessage message) => message.BodyParts.OfType<TextPart>().Single(p => p.IsPlain).Text;

    [GeneratedRegex("<time datetime=\"([^\"]+)\"")]
    private static partial Regex TimeAttribute();

    private static List<DateTimeOffset> Times(string html) =>
        TimeAttribute().Matches(html).Select(m => DateTimeOffset.Parse(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), CultureInfo.InvariantCulture)).ToList();
}
