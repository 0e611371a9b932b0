using System.Net;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.JointMeetings;

public class MeetingValidationTests
{
    public static TheoryData<string, string, string, string, string, string> BadInput => new()
    {
        // title, start, end, onlineUrl, agenda, expected message
        { "会議", "2027-01-20T16:00", "2027-01-20T14:00", "", "", "終了日時は開始日時より後にしてください。" },
        { "会議", "2027-01-20T14:00", "2027-01-20T14:00", "", "", "終了日時は開始日時より後にしてください。" },
        { "会議", "2027-01-20T14:00", "2027-01-20T16:00", "javascript:alert(1)", "", "オンライン会議のURLは http:// または https:// で始まる正しいURLを入力してください。" },
        { "会議", "2027-01-20T14:00", "2027-01-20T16:00", "meet.example.jp/room", "", "オンライン会議のURLは http:// または https:// で始まる正しいURLを入力してください。" },
        { "会議", "2027-01-20T14:00", "2027-01-20T16:00", "", "14:00 開会\n議題だけの行", "2行目: 「時刻 議題」の形式（例: 14:00 開会あいさつ）で入力してください。" },
        { "会議", "2027-01-20T14:00", "2027-01-20T16:00", "", "25:00 深夜の議題", "1行目: 時刻「25:00」が正しくありません。" },
        { "会議", "2027-01-20T14:00", "2027-01-20T16:00", "", "09:00 早すぎる議題", "1行目: 時刻 09:00 は会議の時間（14:00〜16:00）の範囲外です。" },
        { "会議", "2027-01-20T14:00", "2027-01-20T16:00", "", "14:00 報告 @chuo-welfare", "1行目: 発表組織「chuo-welfare」は参加組織にありません。" },
        { new string('長', 201), "2027-01-20T14:00", "2027-01-20T16:00", "", "", "会議名は200文字以内で入力してください。" },
        { "", "2027-01-20T14:00", "2027-01-20T16:00", "", "", "会議名を入力してください。" },
        { "会議", "", "2027-01-20T16:00", "", "", "開始日時を入力してください。" },
        { "会議", "あした", "2027-01-20T16:00", "", "", "「あした」は開始日時として正しくありません。" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string title, string start, string end, string onlineUrl, string agenda, string message)
    {
        await using var host = await PortalTestHost.StartAsync();
        var count = await CountAsync(host);
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);

        var response = await kita.SubmitFormAsync("/staff/meetings/edit",
            MeetingForm(title, start, end, await KitaPartnerIdsAsync(host), onlineUrl: onlineUrl, agenda: agenda));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(count, await CountAsync(host));
    }

    [Fact]
    public async Task Participants_from_another_ward_are_refused()
    {
        await using var host = await PortalTestHost.StartAsync();
        var count = await CountAsync(host);
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);

        var response = await kita.SubmitFormAsync("/staff/meetings/edit",
            MeetingForm("会議", "2027-01-20T14:00", "2027-01-20T16:00", [(await OrganisationAsync(host, "chuo-welfare")).Id]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("参加組織は主催する区の組織から選んでください。", await response.Content.ReadAsStringAsync());
        Assert.Equal(count, await CountAsync(host));
    }

    [Fact]
    public async Task Unknown_or_malformed_ward_in_the_list_is_404_or_400_not_500()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings?ward=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/meetings?ward=" + new string('9', 40))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings/feeds/ward/99999.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings/feeds/organisation/no-such-org.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings/999999.ics")).StatusCode);
    }
}
