using System.Net;
using Portal.Modules.JointMeetings.Models;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.JointMeetings;

public class MinutesTests
{
    [Fact]
    public async Task Second_editor_of_the_same_version_gets_409_and_the_first_edit_survives()
    {
        await using var host = await PortalTestHost.StartAsync();
        var meeting = await FindAsync(host, PublicKitaMeeting);
        var url = $"/staff/meetings/{meeting.Id}/minutes";
        var version = meeting.Minutes!.Version.ToString();
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);
        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);

        var first = await kita.SubmitFormAsync(url, [new("Input.Body", "<p>北区役所の修正</p>"), new("Input.Version", version), new("intent", "publish")]);
        var second = await admin.SubmitFormAsync(url, [new("Input.Body", "<p>管理者の修正</p>"), new("Input.Version", version), new("intent", "publish")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("この議事録は他の人が先に更新しました。", await second.Content.ReadAsStringAsync());
        var minutes = (await FindAsync(host, PublicKitaMeeting)).Minutes!;
        Assert.Equal("<p>北区役所の修正</p>", minutes.Body);
        // Republishing keeps the date residents first saw them.
        Assert.Equal(meeting.Minutes.FirstPublishedUtc, minutes.FirstPublishedUtc);
    }

    [Fact]
    public async Task Minutes_are_sanitised_and_every_save_is_a_revision()
    {
        await using var host = await PortalTestHost.StartAsync();
        var meeting = await FindAsync(host, "第9回 北区三者連絡会議");
        var url = $"/staff/meetings/{meeting.Id}/minutes";
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);

        await kita.SubmitFormAsync(url, [new("Input.Body", "<p>第1稿</p><script>alert(1)</script>"), new("Input.Version", Guid.Empty.ToString()), new("intent", "draft")]);
        var draft = (await FindByIdAsync(host, meeting.Id))!.Minutes!;
        Assert.Equal(MinutesStatus.Draft, draft.Status);
        Assert.DoesNotContain("<script", draft.Body);
        Assert.Null(draft.FirstPublishedUtc);

        await kita.SubmitFormAsync(url, [new("Input.Body", "<p>確定稿</p>"), new("Input.Version", draft.Version.ToString()), new("intent", "publish")]);
        var published = (await FindByIdAsync(host, meeting.Id))!.Minutes!;
        Assert.Equal(MinutesStatus.Published, published.Status);
        Assert.NotNull(published.FirstPublishedUtc);

        var history = await kita.GetStringAsync($"/staff/meetings/{meeting.Id}/minutes/history");
        Assert.Contains("第1版", history);
        Assert.Contains("第2版", history);
        Assert.Contains("確定稿", await host.CreateClient().GetStringAsync($"/meetings/{meeting.Id}"));
    }

    [Fact]
    public async Task Two_first_drafts_at_once_conflict_instead_of_overwriting()
    {
        await using var host = await PortalTestHost.StartAsync();
        var meeting = await FindAsync(host, "第9回 北区三者連絡会議");
        var url = $"/staff/meetings/{meeting.Id}/minutes";
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);

        var first = await kita.SubmitFormAsync(url, [new("Input.Body", "<p>A</p>"), new("Input.Version", Guid.Empty.ToString()), new("intent", "draft")]);
        var second = await kita.SubmitFormAsync(url, [new("Input.Body", "<p>B</p>"), new("Input.Version", Guid.Empty.ToString()), new("intent", "draft")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("<p>A</p>", (await FindByIdAsync(host, meeting.Id))!.Minutes!.Body);
    }
}
