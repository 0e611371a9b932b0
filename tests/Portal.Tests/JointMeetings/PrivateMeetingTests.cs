using System.Net;
using Portal.Modules.JointMeetings.Services;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.JointMeetings;

public class PrivateMeetingTests
{
    [Fact]
    public async Task Private_meeting_is_hidden_from_residents_and_other_organisations_everywhere()
    {
        await using var host = await PortalTestHost.StartAsync();
        var secret = await FindAsync(host, PrivateKitaMeeting);
        var uid = MeetingCalendar.Uid(secret.Id);

        using var anonymous = host.CreateClient();
        using var chuo = host.CreateClient();
        await chuo.LoginAsync(TestUsers.ChuoWelfare);

        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("chuo-welfare", chuo) })
        {
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/meetings/{secret.Id}")).StatusCode, who);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/meetings/{secret.Id}.ics")).StatusCode, who);
            Assert.DoesNotContain(PrivateKitaMeeting, await client.GetStringAsync("/meetings?ward=27127"));
            Assert.DoesNotContain(PrivateKitaMeeting, await client.GetStringAsync("/meetings"));
            var wardFeed = await client.GetStringAsync("/meetings/feeds/ward/27127.ics");
            Assert.DoesNotContain(uid, wardFeed);
            Assert.Contains(MeetingCalendar.Uid((await FindAsync(host, PublicKitaMeeting)).Id), wardFeed);
            Assert.DoesNotContain(uid, await client.GetStringAsync("/meetings/feeds/organisation/kita-welfare.ics"));
        }
    }

    [Fact]
    public async Task Staff_of_a_participating_organisation_see_the_private_meeting()
    {
        await using var host = await PortalTestHost.StartAsync();
        var secret = await FindAsync(host, PrivateKitaMeeting);
        using var welfare = host.CreateClient();
        await welfare.LoginAsync(TestUsers.KitaWelfare);

        var page = await welfare.GetStringAsync($"/meetings/{secret.Id}");

        Assert.Contains(PrivateKitaMeeting, page);
        Assert.Contains("北区社会福祉協議会 事務局次長", page); // invited people are shown to partners
        Assert.Contains(MeetingCalendar.Uid(secret.Id), await welfare.GetStringAsync("/meetings/feeds/organisation/kita-welfare.ics"));
        Assert.Contains(PrivateKitaMeeting, await welfare.GetStringAsync("/meetings?ward=27127"));
    }

    [Fact]
    public async Task Draft_minutes_are_not_shown_to_residents()
    {
        await using var host = await PortalTestHost.StartAsync();
        var meeting = await FindAsync(host, "第9回 北区三者連絡会議");
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);
        var saved = await kita.SubmitFormAsync($"/staff/meetings/{meeting.Id}/minutes",
            [new("Input.Body", "<p>下書きの議事録本文</p>"), new("Input.Version", Guid.Empty.ToString()), new("intent", "draft")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.DoesNotContain("下書きの議事録本文", await host.CreateClient().GetStringAsync($"/meetings/{meeting.Id}"));
        Assert.Contains("下書きの議事録本文", await kita.GetStringAsync($"/meetings/{meeting.Id}"));
    }
}
