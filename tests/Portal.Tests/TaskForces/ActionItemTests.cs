using System.Net;
using Portal.Modules.TaskForces.Models;
using Portal.Tests.Infrastructure;
using static Portal.Tests.TaskForces.TaskForceTestData;

namespace Portal.Tests.TaskForces;

public class ActionItemTests
{
    [Fact]
    public async Task Overdue_dashboard_lists_only_late_unfinished_items_the_user_is_involved_in()
    {
        await using var host = await PortalTestHost.StartAsync();
        var taskForce = await FindAsync(host);
        await AddActionAsync(host, taskForce.Id, "昨日が期限の未着手アクション", "kita-welfare", -1);
        await AddActionAsync(host, taskForce.Id, "今日が期限のアクション", "kita-welfare", 0);
        await AddActionAsync(host, taskForce.Id, "期限切れだが完了したアクション", "kita-welfare", -5, ActionStatus.Done);
        await AddActionAsync(host, taskForce.Id, "来月が期限のアクション", "kita-welfare", 30);

        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);
        var dashboard = await kita.GetStringAsync("/taskforces/overdue");
        Assert.Contains("昨日が期限の未着手アクション", dashboard);
        Assert.DoesNotContain("今日が期限のアクション", dashboard);
        Assert.DoesNotContain("期限切れだが完了したアクション", dashboard);
        Assert.DoesNotContain("来月が期限のアクション", dashboard);

        // Staff of another ward have nothing to do with Kita's task force.
        using var chuo = host.CreateClient();
        await chuo.LoginAsync(TestUsers.ChuoWard);
        Assert.DoesNotContain("昨日が期限の未着手アクション", await chuo.GetStringAsync("/taskforces/overdue"));

        // Residents are sent to the login page.
        var anonymous = await host.CreateClient().GetAsync("/taskforces/overdue");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Task_force_page_highlights_overdue_items()
    {
        await using var host = await PortalTestHost.StartAsync();
        var taskForce = await FindAsync(host);
        var late = await AddActionAsync(host, taskForce.Id, "遅れているアクション", "kita-community", -2);
        var onTime = await AddActionAsync(host, taskForce.Id, "間に合っているアクション", "kita-community", 3);

        var page = await host.CreateClient().GetStringAsync($"/taskforces/{taskForce.Id}");

        Assert.Contains($"<tr id=\"action-{late}\" class=\"overdue\">", page);
        Assert.Contains($"<tr id=\"action-{onTime}\">", page);
        Assert.Contains("期限切れ", page);
    }

    [Fact]
    public async Task Status_is_updated_by_the_owning_organisation_only()
    {
        await using var host = await PortalTestHost.StartAsync();
        var taskForce = await FindAsync(host);
        var id = await AddActionAsync(host, taskForce.Id, "社協が担当するアクション", "kita-welfare", 5);
        var version = (await ActionAsync(host, id)).Version;
        var page = $"/taskforces/{taskForce.Id}";
        var post = $"/taskforces/{taskForce.Id}?handler=Status";
        List<KeyValuePair<string, string>> Fields(string status, Guid v) => [new("actionId", id.ToString()), new("status", status), new("version", v.ToString())];

        // Another member organisation (not the owner of the item, not the task force's editor) is refused.
        using var community = host.CreateClient();
        await community.LoginAsync(TestUsers.KitaCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.PostWithTokenFromAsync(page, post, Fields("Done", version))).StatusCode);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostWithTokenFromAsync("/account/login", post, Fields("Done", version))).StatusCode);
        Assert.Equal(ActionStatus.Open, (await ActionAsync(host, id)).Status);

        // The owner's staff may.
        using var welfare = host.CreateClient();
        await welfare.LoginAsync(TestUsers.KitaWelfare);
        Assert.Equal(HttpStatusCode.Redirect, (await welfare.PostWithTokenFromAsync(page, post, Fields("InProgress", version))).StatusCode);
        Assert.Equal(ActionStatus.InProgress, (await ActionAsync(host, id)).Status);

        // A stale form is a conflict; a nonsense status is a 400; neither changes the item.
        Assert.Equal(HttpStatusCode.Conflict, (await welfare.PostWithTokenFromAsync(page, post, Fields("Done", version))).StatusCode);
        var current = (await ActionAsync(host, id)).Version;
        Assert.Equal(HttpStatusCode.BadRequest, (await welfare.PostWithTokenFromAsync(page, post, Fields("Finished", current))).StatusCode);
        Assert.Equal(ActionStatus.InProgress, (await ActionAsync(host, id)).Status);
    }
}
