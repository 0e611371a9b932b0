using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.JointMeetings;

public class MeetingDigestSourceTests
{
    // A period far from the sample data, so only the meetings seeded here fall into it.
    private static readonly DateTime PeriodStart = new(2030, 3, 1, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime PeriodEnd = PeriodStart.AddDays(7);

    [Fact]
    public async Task Upcoming_meetings_and_new_minutes_are_collected_by_scope_and_period()
    {
        await using var host = await PortalTestHost.StartAsync();
        var kitaOffice = await OrganisationAsync(host, "kita-ward-office");
        var kitaWelfare = await OrganisationAsync(host, "kita-welfare");
        var kitaCommunity = await OrganisationAsync(host, "kita-community");
        var chuoOffice = await OrganisationAsync(host, "chuo-ward-office");

        int publicSoon, privateSoon, publicLater, chuoSoon, minutesInPeriod, minutesBefore, draftMinutes;
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Meeting Add(string title, Organisation organiser, DateTime start, bool isPublic, params Organisation[] partners)
            {
                var m = new Meeting { Title = title, WardId = organiser.WardId!.Value, OrganisingOrganisationId = organiser.Id, StartUtc = start, EndUtc = start.AddHours(1), IsPublic = isPublic };
                m.Participants.AddRange(partners.Prepend(organiser).Select(o => new MeetingParticipant { OrganisationId = o.Id }));
                db.Add(m);
                return m;
            }
            MeetingMinutes Minutes(DateTime? firstPublished, MinutesStatus status) => new() { Body = "<p>議事録</p>", Status = status, FirstPublishedUtc = firstPublished };

            var a = Add("北区 公開会議（来週）", kitaOffice, PeriodEnd.AddDays(2), true, kitaWelfare);
            var b = Add("北区 非公開会議（来週）", kitaOffice, PeriodEnd.AddHours(1), false, kitaWelfare);
            var c = Add("北区 公開会議（再来週）", kitaOffice, PeriodEnd.AddDays(7), true, kitaWelfare); // just outside [end, end+7d)
            var d = Add("中央区 公開会議（来週）", chuoOffice, PeriodEnd.AddDays(1), true);
            var e = Add("北区 議事録公開（期間内）", kitaOffice, PeriodStart.AddDays(-3), true, kitaCommunity);
            e.Minutes = Minutes(PeriodStart.AddDays(1), MinutesStatus.Published);
            var f = Add("北区 議事録公開（期間前）", kitaOffice, PeriodStart.AddDays(-10), true, kitaCommunity);
            f.Minutes = Minutes(PeriodStart.AddSeconds(-1), MinutesStatus.Published);
            var g = Add("北区 議事録下書き", kitaOffice, PeriodStart.AddDays(-2), true, kitaCommunity);
            g.Minutes = Minutes(null, MinutesStatus.Draft);
            await db.SaveChangesAsync();
            (publicSoon, privateSoon, publicLater, chuoSoon, minutesInPeriod, minutesBefore, draftMinutes) = (a.Id, b.Id, c.Id, d.Id, e.Id, f.Id, g.Id);
        }

        async Task<(List<int> Upcoming, List<int> Minutes)> Collect(DigestScope digestScope)
        {
            await using var scope = host.CreateScope();
            var source = scope.ServiceProvider.GetServices<IDigestSource>().OfType<MeetingDigestSource>().Single();
            var sections = await source.CollectAsync(digestScope, PeriodStart, PeriodEnd, CancellationToken.None);
            int Id(DigestItem i) => int.Parse(i.Path.Split('/').Last());
            Assert.Equal(["upcoming-meetings", "published-minutes"], sections.Select(s => s.Key));
            Assert.Equal("今後の会議", sections[0].Heading);
            Assert.Equal("新しく公開された議事録", sections[1].Heading);
            return (sections[0].Items.Select(Id).ToList(), sections[1].Items.Select(Id).ToList());
        }

        // A resident following 北区: public meetings only, soonest first.
        var resident = await Collect(new DigestScope(kitaOffice.WardId, null, null));
        Assert.Equal([publicSoon], resident.Upcoming);
        Assert.Equal([minutesInPeriod], resident.Minutes);

        // Kita welfare staff following their own organisation also get the private meeting they take part in.
        var welfare = await Collect(new DigestScope(null, kitaWelfare.Id, kitaWelfare.Id));
        Assert.Equal([privateSoon, publicSoon], welfare.Upcoming);
        Assert.Empty(welfare.Minutes); // kita-welfare did not take part in the minuted meetings

        // Chuo staff following Kita: no Kita private meeting.
        var chuoStaff = await Collect(new DigestScope(kitaOffice.WardId, null, chuoOffice.Id));
        Assert.DoesNotContain(privateSoon, chuoStaff.Upcoming);

        // Everything public, any ward.
        var all = await Collect(new DigestScope(null, null, null));
        Assert.Equal([chuoSoon, publicSoon], all.Upcoming);
        Assert.DoesNotContain(publicLater, all.Upcoming);
        Assert.DoesNotContain(minutesBefore, all.Minutes);
        Assert.DoesNotContain(draftMinutes, all.Minutes);
    }
}
