using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Tests.JointMeetings;

namespace Portal.Tests.Core.Caching;

/// <summary>
/// Output caching of the residents' pages: a second anonymous request is answered from the cache (it carries an Age
/// header), a publish evicts the page before the staff member's redirect comes back, staff never share the cache.
/// </summary>
public class PublicPageCacheTests
{
    private static async Task<(string Body, bool FromCache)> GetAsync(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    /// <summary>
    /// Asks until the answer comes from the cache and returns it. A few tries: the search indexer settling after
    /// start-up may evict a search page between two requests.
    /// </summary>
    private static async Task<string> CachedAsync(PortalClient client, string url)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (body, fromCache) = await GetAsync(client, url);
            if (fromCache) return body;
            await Task.Delay(attempt * 300);
        }
        Assert.Fail($"{url} was not served from the output cache");
        return "";
    }

    [Fact]
    public async Task A_published_update_and_a_renamed_council_are_shown_at_once_to_residents()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var detail = $"/councils/{council.Id}";
        var list = $"/councils?ward={council.Ward!.Code}";
        using var resident = host.CreateClient();
        var title = "餅つき大会のお知らせ " + Guid.NewGuid().ToString("N")[..6];
        Assert.DoesNotContain(title, await CachedAsync(resident, detail));
        await CachedAsync(resident, list);

        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        var published = await staff.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}",
            PortalData.UpdateForm(title, "<p>12月28日に会館で行います。</p>", Guid.Empty, "publish"));
        Assert.Equal("/staff/councils", published.RedirectPath());

        var (afterPublish, fromCache) = await GetAsync(resident, detail);
        Assert.False(fromCache);
        Assert.Contains(title, afterPublish);
        Assert.Contains(title, await CachedAsync(resident, detail));

        var newName = council.Name + "（改称）";
        var renamed = await staff.SubmitFormAsync($"/staff/councils/edit/{council.Id}",
            PortalData.CouncilForm(council, f => f["Input.Name"] = newName));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains(newName, (await GetAsync(resident, list)).Body);
        Assert.Contains(newName, (await GetAsync(resident, detail)).Body);
    }

    [Fact]
    public async Task Staff_never_read_nor_fill_the_residents_copy()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var detail = $"/councils/{council.Id}";
        using var resident = host.CreateClient();
        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        const string writeLink = "更新情報を書く";

        Assert.DoesNotContain(writeLink, await CachedAsync(resident, detail));
        var (first, firstFromCache) = await GetAsync(staff, detail);
        var (_, secondFromCache) = await GetAsync(staff, detail);
        Assert.Contains(writeLink, first);
        Assert.False(firstFromCache || secondFromCache);
        Assert.DoesNotContain(writeLink, (await GetAsync(resident, detail)).Body);
    }

    [Fact]
    public async Task Each_language_has_its_own_copy()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var japanese = host.CreateClient();
        using var english = host.CreateClient();
        english.Cookies.Add(host.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));

        Assert.Contains("<html lang=\"ja\"", await CachedAsync(japanese, "/councils"));
        Assert.Contains("<html lang=\"en\"", await CachedAsync(english, "/councils"));
        Assert.Contains("<html lang=\"ja\"", (await GetAsync(japanese, "/councils")).Body);
    }

    [Fact]
    public async Task A_scheduled_meeting_is_listed_at_once()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var resident = host.CreateClient();
        const string list = "/meetings?ward=27127";
        var title = "北区 臨時三者連絡会議 " + Guid.NewGuid().ToString("N")[..6];
        Assert.DoesNotContain(title, await CachedAsync(resident, list));

        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var created = await ward.SubmitFormAsync("/staff/meetings/edit",
            MeetingTestData.MeetingForm(title, "2027-01-20T14:00", "2027-01-20T16:00", await MeetingTestData.KitaPartnerIdsAsync(host)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        Assert.Contains(title, (await GetAsync(resident, list)).Body);
    }

    [Fact]
    public async Task A_cached_search_page_follows_the_index()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        using var resident = host.CreateClient();
        const string word = "鏡開き";
        var search = "/search?q=" + Uri.EscapeDataString(word);
        Assert.DoesNotContain("の会のお知らせ", await CachedAsync(resident, search));

        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        var published = await staff.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}",
            PortalData.UpdateForm("鏡開きの会のお知らせ", "<p>1月11日に集会所で。</p>", Guid.Empty, "publish"));
        Assert.Equal("/staff/councils", published.RedirectPath());

        // The indexer polls every second and evicts cached search pages after each batch it applies.
        var found = false;
        for (var i = 0; i < 50 && !found; i++)
        {
            found = (await GetAsync(resident, search)).Body.Contains("の会のお知らせ");
            if (!found) await Task.Delay(200);
        }
        Assert.True(found, "the cached search page never showed the published update; the API says: "
            + await resident.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(word)));
    }

    [Fact]
    public async Task Error_answers_are_not_cached()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var resident = host.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var response = await resident.GetAsync("/councils?p=abc");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }
    }
}
