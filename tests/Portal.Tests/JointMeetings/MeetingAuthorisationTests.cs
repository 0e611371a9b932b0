using System.Net;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.JointMeetings;

public class MeetingAuthorisationTests
{
    [Fact]
    public async Task Editor_answers_302_403_200_by_who_asks()
    {
        await using var host = await PortalTestHost.StartAsync();
        var meeting = await FindAsync(host, PublicKitaMeeting);
        var url = $"/staff/meetings/edit/{meeting.Id}";

        using var anonymous = host.CreateClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());

        foreach (var (user, expected) in new[]
                 {
                     (TestUsers.ChuoWard, HttpStatusCode.Forbidden),      // other ward's office
                     (TestUsers.KitaCommunity, HttpStatusCode.Forbidden), // partner without ManageMeetings
                     (TestUsers.KitaWard, HttpStatusCode.OK),             // the organiser
                     (TestUsers.Admin, HttpStatusCode.OK),
                 })
        {
            using var client = host.CreateClient();
            await client.LoginAsync(user);
            Assert.True(expected == (await client.GetAsync(url)).StatusCode, $"{user} on {url}");
            Assert.True(expected == (await client.GetAsync($"/staff/meetings/{meeting.Id}/minutes")).StatusCode, $"{user} on minutes");
            Assert.True(expected == (await client.GetAsync($"/staff/meetings/{meeting.Id}/attendance")).StatusCode, $"{user} on attendance");
        }
    }

    [Fact]
    public async Task Other_ward_staff_cannot_change_a_meeting_or_its_minutes_or_attendance()
    {
        await using var host = await PortalTestHost.StartAsync();
        var before = await FindAsync(host, PublicKitaMeeting);
        using var chuo = host.CreateClient();
        await chuo.LoginAsync(TestUsers.ChuoWard);

        var edit = await chuo.PostWithTokenFromAsync("/staff/meetings", $"/staff/meetings/edit/{before.Id}",
            MeetingForm("乗っ取られた会議", "2026-12-01T10:00", "2026-12-01T11:00", [], before.Version));
        var minutes = await chuo.PostWithTokenFromAsync("/staff/meetings", $"/staff/meetings/{before.Id}/minutes",
            [new("Input.Body", "<p>改ざん</p>"), new("Input.Version", before.Minutes!.Version.ToString()), new("intent", "publish")]);
        var attendance = await chuo.PostWithTokenFromAsync("/staff/meetings", $"/staff/meetings/{before.Id}/attendance",
            [new("Rows[0].OrganisationId", before.Participants[0].OrganisationId.ToString()), new("Rows[0].Count", "99"), new("Version", before.Version.ToString())]);

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, minutes.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, attendance.StatusCode);
        var after = await FindAsync(host, PublicKitaMeeting);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Minutes.Version, after.Minutes!.Version);
        Assert.Equal(before.Minutes.Body, after.Minutes.Body);
        Assert.DoesNotContain(after.Participants, p => p.AttendeeCount == 99);
    }

    [Fact]
    public async Task Partner_without_the_permission_cannot_create_meetings()
    {
        await using var host = await PortalTestHost.StartAsync();
        var count = await CountAsync(host);
        using var community = host.CreateClient();
        await community.LoginAsync(TestUsers.KitaCommunity);

        var response = await community.PostWithTokenFromAsync("/staff/councils", "/staff/meetings/edit",
            MeetingForm("勝手な会議", "2026-12-01T10:00", "2026-12-01T11:00", []));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(count, await CountAsync(host));
    }

    [Fact]
    public async Task Ward_staff_schedule_a_meeting_in_their_own_ward_and_attendance_is_recorded()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);

        var response = await kita.SubmitFormAsync("/staff/meetings/edit",
            MeetingForm("第10回 北区三者連絡会議", "2027-01-20T14:00", "2027-01-20T16:00", await KitaPartnerIdsAsync(host),
                agenda: "14:00 開会 @kita-ward-office\n14:30 報告 @kita-welfare"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var meeting = (await FindByIdAsync(host, id))!;
        Assert.Equal(new DateTime(2027, 1, 20, 5, 0, 0, DateTimeKind.Utc), meeting.StartUtc); // 14:00 JST
        Assert.Equal((await OrganisationAsync(host, "kita-ward-office")).Id, meeting.OrganisingOrganisationId);
        Assert.Equal(3, meeting.Participants.Count);
        Assert.Equal(["開会", "報告"], meeting.Agenda.OrderBy(a => a.Position).Select(a => a.Title));

        var welfare = (await OrganisationAsync(host, "kita-welfare")).Id;
        var rows = meeting.Participants.OrderBy(p => p.OrganisationId).ToList();
        var fields = new List<KeyValuePair<string, string>> { new("Version", meeting.Version.ToString()) };
        for (var i = 0; i < rows.Count; i++)
        {
            fields.Add(new($"Rows[{i}].OrganisationId", rows[i].OrganisationId.ToString()));
            fields.Add(new($"Rows[{i}].Count", rows[i].OrganisationId == welfare ? "2" : "1"));
            fields.Add(new($"Rows[{i}].Names", rows[i].OrganisationId == welfare ? "事務局長、コーディネーター" : ""));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await kita.SubmitFormAsync($"/staff/meetings/{id}/attendance", fields)).StatusCode);
        var recorded = (await FindByIdAsync(host, id))!.Participants.Single(p => p.OrganisationId == welfare);
        Assert.Equal(2, recorded.AttendeeCount);
        Assert.Contains("事務局長、コーディネーター", await host.CreateClient().GetStringAsync($"/meetings/{id}"));
    }
}
