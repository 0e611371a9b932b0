using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.JointMeetings;

public class MeetingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Ward_staff_schedule_a_meeting_publish_minutes_and_a_resident_reads_them()
    {
        await using var host = await PortalTestHost.StartAsync();
        var staff = await browser.NewPageAsync(host);

        await staff.GotoAsync("/account/login");
        await staff.FillAsync("#Input_UserName", TestUsers.KitaWard);
        await staff.FillAsync("#Input_Password", TestUsers.Password);
        await staff.ClickAsync("button[type=submit].primary");
        await staff.WaitForURLAsync(url => !url.Contains("/account/login"));

        await staff.GotoAsync("/staff/meetings/edit");
        await staff.FillAsync("#Input_Title", "ブラウザで登録した三者連絡会議");
        await staff.FillAsync("#Input_Start", "2027-02-10T14:00");
        await staff.FillAsync("#Input_End", "2027-02-10T15:30");
        await staff.FillAsync("#Input_Place", "北区役所 4階 会議室");
        await staff.FillAsync("#Input_Agenda", "14:00 開会 @kita-ward-office\n14:15 地域の見守り活動 @kita-welfare");
        await staff.ClickAsync("form.form button[type=submit]");
        await staff.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/meetings/\d+$"));
        var meetingPath = new Uri(staff.Url).AbsolutePath;
        Assert.Contains("ブラウザで登録した三者連絡会議", await staff.TextContentAsync("h1"));
        Assert.Contains("地域の見守り活動", await staff.TextContentAsync("ol.agenda"));

        await staff.ClickAsync("text=議事録を書く");
        await staff.FillAsync("#Input_Body", "<p>見守り活動の担い手を<strong>20名</strong>増やすことを確認した。</p>");
        await staff.ClickAsync("button[value=publish]");
        await staff.WaitForURLAsync(url => url.EndsWith(meetingPath));

        var resident = await browser.NewPageAsync(host);
        var response = await resident.GotoAsync(meetingPath);
        Assert.Equal(200, response!.Status);
        var minutes = await resident.TextContentAsync(".minutes");
        Assert.Contains("見守り活動の担い手を20名増やすことを確認した。", minutes);
        Assert.Equal("20名", await resident.TextContentAsync(".minutes strong"));
    }
}
