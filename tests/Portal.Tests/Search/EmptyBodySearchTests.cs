using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.Search;

/// <summary>
/// Content with nothing but a title — a public meeting with only its title and times, a task force without a
/// description — indexes and is found like any other: the hit's snippet is empty, the page and the API answer 200.
/// </summary>
public class EmptyBodySearchTests
{
    [Fact]
    public async Task A_meeting_and_a_task_force_with_only_a_title_are_found_by_residents_on_the_page_and_the_API()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var staff = host.CreateClient();
        using var resident = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWard);

        const string word = "題名だけの会合";
        var meeting = await staff.SubmitFormAsync("/staff/meetings/edit",
            MeetingForm("臨時の" + word, "2027-01-20T14:00", "2027-01-20T15:00", await KitaPartnerIdsAsync(host), place: ""));
        Assert.Equal(HttpStatusCode.Redirect, meeting.StatusCode);
        var taskForce = await staff.SubmitFormAsync("/staff/taskforces/edit",
            [new("Input.Name", word + "タスクフォース"), new("Input.IsPublic", "true"), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, taskForce.StatusCode);

        // The indexer follows the change log about once a second: wait until both are in the index.
        JsonElement json = default;
        for (var i = 0; i < 50; i++)
        {
            var api = await resident.GetAsync("/api/search?q=" + Uri.EscapeDataString(word));
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            json = await api.Content.ReadFromJsonAsync<JsonElement>();
            if (json.GetProperty("total").GetInt32() == 2) break;
            await Task.Delay(200);
        }
        var hits = json.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(["meeting", "taskforce"], hits.Select(h => h.GetProperty("contentType").GetString()).Order());
        Assert.All(hits, h => Assert.Contains("<mark>", h.GetProperty("title").GetString()));
        Assert.All(hits, h => Assert.Equal("", h.GetProperty("snippet").GetString()));

        var page = await resident.GetAsync("/search?q=" + Uri.EscapeDataString(word));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(word + "タスクフォース", html.Replace("<mark>", "").Replace("</mark>", ""));
        Assert.Contains("臨時の" + word, html.Replace("<mark>", "").Replace("</mark>", ""));
    }
}
