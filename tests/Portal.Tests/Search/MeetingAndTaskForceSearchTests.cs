using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>Meetings (with their published minutes) and task-force records in search, private ones only for their organisations.</summary>
public class MeetingAndTaskForceSearchTests(SearchSiteFixture site) : IClassFixture<SearchSiteFixture>
{
    private async Task<IReadOnlyList<string>> PathsAsync(PortalClient client, string query, string type)
    {
        JsonElement json = default;
        // The index is built in the background after start; give it a few seconds.
        for (var i = 0; i < 50; i++)
        {
            var response = await client.GetAsync($"/api/search?type={type}&q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            json = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (json.GetProperty("total").GetInt32() > 0 || i > 15) break;
            await Task.Delay(200);
        }
        return json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("path").GetString()!).ToList();
    }

    [Fact]
    public async Task Published_minutes_are_found_through_their_meeting()
    {
        using var resident = site.Host.CreateClient();

        var paths = await PathsAsync(resident, "担い手不足", "meeting");

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.Matches("^/meetings/\\d+$", p));
    }

    [Fact]
    public async Task A_private_meeting_is_found_only_by_its_participants()
    {
        using var resident = site.Host.CreateClient();
        using var participant = site.Host.CreateClient();
        using var otherWard = site.Host.CreateClient();
        await participant.LoginAsync(TestUsers.KitaWelfare);
        await otherWard.LoginAsync(TestUsers.ChuoWard);

        Assert.Single(await PathsAsync(participant, "事務局打合せ", "meeting"));
        Assert.Empty(await PathsAsync(resident, "事務局打合せ", "meeting"));
        Assert.Empty(await PathsAsync(otherWard, "事務局打合せ", "meeting"));
    }

    [Fact]
    public async Task Task_force_decisions_are_searchable()
    {
        using var resident = site.Host.CreateClient();

        var paths = await PathsAsync(resident, "担い手アンケート", "taskforce");

        Assert.Single(paths);
        Assert.Matches("^/taskforces/\\d+$", paths[0]);
    }
}
