using System.Net;
using Ical.Net;
using Portal.Modules.JointMeetings.Services;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.JointMeetings;

public class CalendarTests
{
    [Fact]
    public async Task Meeting_ics_parses_back_with_its_uid_summary_and_utc_start()
    {
        await using var host = await PortalTestHost.StartAsync();
        var meeting = await FindAsync(host, PublicKitaMeeting);
        using var client = host.CreateClient();

        var response = await client.GetAsync($"/meetings/{meeting.Id}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal($"meeting-{meeting.Id}@ward-partnership-portal", ev.Uid);
        Assert.Equal(PublicKitaMeeting, ev.Summary);
        Assert.True(ev.Start!.IsUtc);
        Assert.Equal(new DateTime(2026, 9, 16, 5, 0, 0, DateTimeKind.Utc), ev.Start.AsUtc); // 14:00 JST
        Assert.Equal(new DateTime(2026, 9, 16, 7, 0, 0, DateTimeKind.Utc), ev.End!.AsUtc);
        Assert.NotNull(ev.DtStamp);
        Assert.Equal(meeting.Place, ev.Location);
    }

    [Fact]
    public async Task Rescheduling_keeps_the_uid_and_raises_the_sequence_but_a_title_edit_does_not()
    {
        await using var host = await PortalTestHost.StartAsync();
        var meeting = await FindAsync(host, "第9回 北区三者連絡会議");
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);
        var participants = meeting.Participants.Select(p => p.OrganisationId).ToList();
        var before = Assert.Single(Calendar.Load(await kita.GetStringAsync($"/meetings/{meeting.Id}.ics"))!.Events);

        var moved = await kita.SubmitFormAsync($"/staff/meetings/edit/{meeting.Id}",
            MeetingForm(meeting.Title, "2026-12-17T10:00", "2026-12-17T12:00", participants, meeting.Version, place: meeting.Place));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = Assert.Single(Calendar.Load(await kita.GetStringAsync($"/meetings/{meeting.Id}.ics"))!.Events);

        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.Equal(new DateTime(2026, 12, 17, 1, 0, 0, DateTimeKind.Utc), after.Start!.AsUtc);

        var current = (await FindByIdAsync(host, meeting.Id))!;
        await kita.SubmitFormAsync($"/staff/meetings/edit/{meeting.Id}",
            MeetingForm("第9回 北区三者連絡会議（拡大会議）", "2026-12-17T10:00", "2026-12-17T12:00", participants, current.Version, place: meeting.Place));
        var renamed = Assert.Single(Calendar.Load(await kita.GetStringAsync($"/meetings/{meeting.Id}.ics"))!.Events);
        Assert.Equal(after.Sequence, renamed.Sequence);
        Assert.Equal("第9回 北区三者連絡会議（拡大会議）", renamed.Summary);

        // The ward feed carries the meeting once, under the same UID.
        var feed = Calendar.Load(await host.CreateClient().GetStringAsync("/meetings/feeds/ward/27127.ics"))!;
        Assert.Single(feed.Events, e => e.Uid == before.Uid);
    }

    [Fact]
    public async Task Feeds_list_only_the_wards_or_organisations_public_meetings_for_anonymous_users()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        var chuo = Calendar.Load(await client.GetStringAsync("/meetings/feeds/ward/27128.ics"))!;
        var kitaWelfare = Calendar.Load(await client.GetStringAsync("/meetings/feeds/organisation/kita-welfare.ics"))!;

        Assert.Equal(["第5回 中央区三者連絡会議", "第6回 中央区三者連絡会議"], chuo.Events.Select(e => e.Summary).Order());
        Assert.All(kitaWelfare.Events, e => Assert.Contains("北区", e.Summary));
        Assert.Equal(3, kitaWelfare.Events.Count);
        Assert.All(kitaWelfare.Events, e => Assert.Equal("PUBLIC", e.Class));
        Assert.Contains(MeetingCalendar.Uid((await FindAsync(host, PublicKitaMeeting)).Id), kitaWelfare.Events.Select(e => e.Uid));
    }
}
