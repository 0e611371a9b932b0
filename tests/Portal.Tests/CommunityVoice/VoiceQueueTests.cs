using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceQueueTests
{
    [Fact]
    public async Task The_department_queue_marks_overdue_open_items_and_sorts_by_target_date()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var late = await host.RaiseAsync(ward, "地域活動支援", "期限を過ぎた相談",
            ("Input.RaisedOn", "2020-01-06"), ("Input.TargetResponseDate", "2020-02-03"));
        var onTime = await host.RaiseAsync(ward, "地域活動支援", "まだ期限前の相談",
            ("Input.RaisedOn", "2026-01-06"), ("Input.TargetResponseDate", "2099-02-03"));
        var closedLate = await host.RaiseAsync(ward, "地域活動支援", "期限を過ぎたが回答済みの相談",
            ("Input.RaisedOn", "2020-01-06"), ("Input.TargetResponseDate", "2020-01-10"));
        await host.HandleAsync(ward, closedLate.Id, "地域活動支援", "回答済み", response: "回答しました。");
        var department = await host.DepartmentIdAsync("市民協働課", "27127");

        var html = await ward.GetStringAsync($"/staff/voice?department={department}");

        Assert.Matches($"<tr class=\"overdue\" data-item-id=\"{late.Id}\">", html);
        Assert.Contains($"<tr data-item-id=\"{onTime.Id}\">", html);
        Assert.DoesNotContain($"data-item-id=\"{closedLate.Id}\"", html);
        var lateRow = Regex.Match(html, $"data-item-id=\"{late.Id}\">(.*?)</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("期限超過", lateRow);
        // Only this department's items: a 防災 item (地域防災担当) stays out.
        Assert.DoesNotContain("菅北地域の避難所に車いす用トイレを備えてほしい", html);
        Assert.True(html.IndexOf($"data-item-id=\"{late.Id}\"") < html.IndexOf($"data-item-id=\"{onTime.Id}\""));

        var descending = await ward.GetStringAsync($"/staff/voice?department={department}&sort=-target");
        Assert.True(descending.IndexOf($"data-item-id=\"{onTime.Id}\"") < descending.IndexOf($"data-item-id=\"{late.Id}\""));
    }

    [Fact]
    public async Task The_queue_shows_the_ward_office_its_ward_and_other_staff_what_they_raised()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var chuo = host.CreateClient();
        await chuo.LoginAsync(TestUsers.ChuoWard);
        var chuoQueue = await chuo.GetStringAsync("/staff/voice");
        Assert.Contains("中大江地域の防災倉庫の鍵の管理方法を見直したい", chuoQueue);
        Assert.DoesNotContain("扇町公園の遊具の老朽化が心配", chuoQueue);

        using var community = host.CreateClient();
        await community.LoginAsync(TestUsers.KitaCommunity);
        var own = await community.GetStringAsync("/staff/voice");
        Assert.Contains("扇町公園の遊具の老朽化が心配", own); // raised by kita-community
        Assert.DoesNotContain("菅北地域の避難所に車いす用トイレを備えてほしい", own); // raised by the ward office
    }

    [Fact]
    public async Task Bad_queue_parameters_answer_400_with_a_message()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var chuoDepartment = await host.DepartmentIdAsync("市民協働課", "27128");

        foreach (var url in new[] { "/staff/voice?department=abc", $"/staff/voice?department={chuoDepartment}" })
        {
            var response = await ward.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("指定された担当課はありません。一覧から選んでください。", await response.Content.ReadAsStringAsync());
        }
        var sort = await ward.GetAsync("/staff/voice?sort=summary");
        Assert.Equal(HttpStatusCode.BadRequest, sort.StatusCode);
        Assert.Contains("並び順は target または -target で指定してください。", await sort.Content.ReadAsStringAsync());
    }
}
