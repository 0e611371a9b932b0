using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>
/// Who may open and save the staff forms of a 北区 council (managed by kita-community): anonymous visitors are sent
/// to the login page, staff of other organisations get 403 and change nothing, the owners and the administrator save.
/// Each test writes, so each has its own site.
/// </summary>
public class AuthorisationTests
{
    private static readonly string[] OtherOrganisations = [TestUsers.ChuoCommunity, TestUsers.ChuoWelfare];

    [Fact]
    public async Task Council_profile_edit_is_for_the_managing_organisation_and_the_administrator()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var url = $"/staff/councils/edit/{council.Id}";

        await AssertAnonymousIsSentToLoginAsync(host, url, PortalData.CouncilForm(council, f => f["Input.Name"] = "匿名の変更"));
        // Other organisations, and kita-welfare which may post updates in 北区 but not edit profiles.
        foreach (var user in OtherOrganisations.Append(TestUsers.KitaWelfare).Append(TestUsers.KitaWard))
            await AssertForbiddenAsync(host, user, url, PortalData.CouncilForm(council, f => f["Input.Name"] = user + "の変更"));
        var unchanged = await host.CouncilAsync(council.Id);
        Assert.Equal((council.Name, council.Version, council.ModifiedBy), (unchanged.Name, unchanged.Version, unchanged.ModifiedBy));

        foreach (var (user, name) in new[] { (TestUsers.KitaCommunity, "菅北地域活動協議会（支部で更新）"), (TestUsers.Admin, "菅北地域活動協議会（管理者が更新）") })
        {
            using var client = host.CreateClient();
            await client.LoginAsync(user);
            var form = await client.OpenFormAsync(url);
            Assert.Equal((await host.CouncilAsync(council.Id)).Name, form.Value("Input.Name"));

            var current = await host.CouncilAsync(council.Id);
            var response = await client.PostFormAsync(form, PortalData.CouncilForm(current, f => f["Input.Name"] = name));
            Assert.Equal($"/councils/{council.Id}", response.RedirectPath());

            var saved = await host.CouncilAsync(council.Id);
            Assert.Equal(name, saved.Name);
            Assert.Equal(user, saved.ModifiedBy);
            Assert.Equal(council.ManagingOrganisationId, saved.ManagingOrganisationId);
            Assert.NotEqual(current.Version, saved.Version);
            Assert.Contains(name, await client.GetStringAsync($"/councils/{council.Id}"));
        }
    }

    [Fact]
    public async Task New_update_on_a_council_is_for_staff_of_the_councils_ward_and_the_administrator()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var url = $"/staff/updates/edit?councilId={council.Id}";
        var before = await host.UpdateCountAsync();

        await AssertAnonymousIsSentToLoginAsync(host, url, PortalData.UpdateForm("匿名の報告", "", Guid.Empty, "publish"));
        foreach (var user in OtherOrganisations.Append(TestUsers.ChuoWard))
            await AssertForbiddenAsync(host, user, url, PortalData.UpdateForm(user + "の報告", "<p>本文</p>", Guid.Empty, "publish"));
        Assert.Equal(before, await host.UpdateCountAsync());

        // The three partners of 北区 post in their own name; the administrator posts for the managing organisation.
        var expectedOwner = new Dictionary<string, string>
        {
            [TestUsers.KitaCommunity] = "kita-community",
            [TestUsers.KitaWelfare] = "kita-welfare",
            [TestUsers.KitaWard] = "kita-ward-office",
            [TestUsers.Admin] = "kita-community",
        };
        foreach (var (user, organisationKey) in expectedOwner)
        {
            using var client = host.CreateClient();
            await client.LoginAsync(user);
            var form = await client.OpenFormAsync(url);
            Assert.Contains(council.Name, form.Html);

            var title = $"{user}からのお知らせ";
            var response = await client.PostFormAsync(form, PortalData.UpdateForm(title, "<p>本文</p>", Guid.Empty, "publish"));
            Assert.Equal("/staff/councils", response.RedirectPath());

            var saved = await host.QueryAsync(db => db.Set<CouncilUpdate>().Include(u => u.Organisation).SingleAsync(u => u.Title == title));
            Assert.Equal(council.Id, saved.CouncilId);
            Assert.Equal(organisationKey, saved.Organisation!.Key);
            Assert.Equal(UpdateStatus.Published, saved.Status);
        }
        Assert.Equal(before + expectedOwner.Count, await host.UpdateCountAsync());
    }

    [Fact]
    public async Task Editing_an_update_is_for_its_organisation_and_the_administrator()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var update = await host.PublishedUpdateAsync(council.Id, "kita-community");
        var url = $"/staff/updates/edit/{update.Id}";
        var revisionsBefore = await host.RevisionCountAsync();

        await AssertAnonymousIsSentToLoginAsync(host, url, PortalData.UpdateForm("匿名の変更", "", update.Version, "publish"));
        // kita-welfare works in the same ward but the update belongs to kita-community.
        foreach (var user in OtherOrganisations.Append(TestUsers.KitaWelfare))
            await AssertForbiddenAsync(host, user, url, PortalData.UpdateForm(user + "の変更", "", update.Version, "publish"));
        var unchanged = await host.UpdateAsync(update.Id);
        Assert.Equal((update.Title, update.Body, update.Version), (unchanged.Title, unchanged.Body, unchanged.Version));
        Assert.Equal(revisionsBefore, await host.RevisionCountAsync());

        foreach (var (user, title) in new[] { (TestUsers.KitaCommunity, "防災訓練のご報告（支部で修正）"), (TestUsers.Admin, "防災訓練のご報告（管理者が修正）") })
        {
            using var client = host.CreateClient();
            await client.LoginAsync(user);
            var form = await client.OpenFormAsync(url);
            var response = await client.PostFormAsync(form, PortalData.UpdateForm(title, "<p>修正しました。</p>", Guid.Parse(form.Value("Input.Version")), "draft"));
            Assert.Equal("/staff/councils", response.RedirectPath());

            var saved = await host.UpdateAsync(update.Id);
            Assert.Equal(title, saved.Title);
            Assert.Equal(UpdateStatus.Draft, saved.Status);
            Assert.Equal(user, saved.ModifiedBy);
            Assert.Equal(update.OrganisationId, saved.OrganisationId);
        }
        Assert.Equal(revisionsBefore + 2, await host.RevisionCountAsync());
    }

    [Fact]
    public async Task Update_history_is_for_the_updates_organisation_and_the_administrator()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var update = await host.PublishedUpdateAsync(council.Id, "kita-community");
        var url = $"/staff/updates/{update.Id}/history";
        var revisionsBefore = await host.RevisionCountAsync();

        await AssertAnonymousIsSentToLoginAsync(host, url, []);
        // The history is read-only: a POST is refused (405), whoever sends it.
        foreach (var user in OtherOrganisations.Append(TestUsers.KitaWelfare))
            await AssertForbiddenAsync(host, user, url, [], expectedPost: HttpStatusCode.MethodNotAllowed);
        Assert.Equal(revisionsBefore, await host.RevisionCountAsync());

        foreach (var user in new[] { TestUsers.KitaCommunity, TestUsers.Admin })
        {
            using var client = host.CreateClient();
            await client.LoginAsync(user);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.BodyAsync();
            Assert.Contains("第1版", html);
            Assert.Contains(update.Title, html);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostWithTokenFromAsync(url, url, [])).StatusCode);
        }
        Assert.Equal(revisionsBefore, await host.RevisionCountAsync());
    }

    private static async Task AssertAnonymousIsSentToLoginAsync(PortalTestHost host, string url, List<KeyValuePair<string, string>> form)
    {
        using var anonymous = host.CreateClient();
        Assert.Equal("/account/login", (await anonymous.GetAsync(url)).RedirectPath());
        Assert.Equal("/account/login", (await anonymous.PostWithTokenFromAsync("/account/login", url, form)).RedirectPath());
    }

    private static async Task AssertForbiddenAsync(
        PortalTestHost host, string user, string url, List<KeyValuePair<string, string>> form, HttpStatusCode expectedPost = HttpStatusCode.Forbidden)
    {
        using var client = host.CreateClient();
        await client.LoginAsync(user);
        var get = await client.GetAsync(url);
        Assert.True(HttpStatusCode.Forbidden == get.StatusCode, $"GET {url} as {user}: {(int)get.StatusCode}");
        Assert.Contains("このページを表示する権限がありません", await get.BodyAsync());
        // The token comes from the staff list, which every staff member may open.
        var post = await client.PostWithTokenFromAsync("/staff/councils", url, form);
        Assert.True(expectedPost == post.StatusCode, $"POST {url} as {user}: {(int)post.StatusCode}");
    }
}
