using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.TaskForces.Models;
using Portal.Tests.Infrastructure;
using static Portal.Tests.TaskForces.TaskForceTestData;

namespace Portal.Tests.TaskForces;

public class TaskForceEditorTests
{
    [Fact]
    public async Task Only_the_owning_ward_office_edits_the_task_force()
    {
        await using var host = await PortalTestHost.StartAsync();
        var taskForce = await FindAsync(host);
        var url = $"/staff/taskforces/edit/{taskForce.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await host.CreateClient().GetAsync(url)).StatusCode);
        foreach (var (user, expected) in new[]
                 {
                     (TestUsers.ChuoWard, HttpStatusCode.Forbidden),
                     (TestUsers.KitaCommunity, HttpStatusCode.Forbidden),
                     (TestUsers.KitaWard, HttpStatusCode.OK),
                     (TestUsers.Admin, HttpStatusCode.OK),
                 })
        {
            using var client = host.CreateClient();
            await client.LoginAsync(user);
            Assert.True(expected == (await client.GetAsync(url)).StatusCode, user);
            Assert.True(expected == (await client.GetAsync($"/staff/taskforces/{taskForce.Id}/sessions/edit")).StatusCode, user);
            Assert.True(expected == (await client.GetAsync($"/staff/taskforces/{taskForce.Id}/actions/edit")).StatusCode, user);
        }

        using var chuo = host.CreateClient();
        await chuo.LoginAsync(TestUsers.ChuoWard);
        var forbidden = await chuo.PostWithTokenFromAsync("/taskforces", url,
            [new("Input.Name", "乗っ取り"), new("Input.IsPublic", "true"), new("Input.Version", taskForce.Version.ToString())]);
        var action = await chuo.PostWithTokenFromAsync("/taskforces", $"/staff/taskforces/{taskForce.Id}/actions/edit",
            [new("Input.Description", "勝手なアクション"), new("Input.OwnerOrganisationId", taskForce.OwnerOrganisationId.ToString()), new("Input.DueDate", "2027-01-01")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, action.StatusCode);
        var after = await FindAsync(host);
        Assert.Equal(taskForce.Version, after.Version);
        Assert.Equal(taskForce.ActionItems.Count, after.ActionItems.Count);
    }

    [Fact]
    public async Task Working_groups_sessions_decisions_and_actions_are_recorded_through_the_forms()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);
        var welfare = await OrganisationIdAsync(host, "kita-welfare");

        var created = await kita.SubmitFormAsync("/staff/taskforces/edit",
            [new("Input.Name", "子どもの居場所づくりタスクフォース"), new("Input.MemberIds", welfare.ToString()),
             new("Input.WorkingGroups", "学習支援WG\n食事支援WG"), new("Input.IsPublic", "false"), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var taskForce = await FindAsync(host, "子どもの居場所づくりタスクフォース");
        Assert.Equal(["学習支援WG", "食事支援WG"], taskForce.WorkingGroups.OrderBy(g => g.Id).Select(g => g.Name));
        Assert.Equal(2, taskForce.Members.Count); // the owner and kita-welfare

        var group = taskForce.WorkingGroups.Single(g => g.Name == "学習支援WG");
        var session = await kita.SubmitFormAsync($"/staff/taskforces/{taskForce.Id}/sessions/edit",
            [new("Input.Start", "2026-11-10T18:30"), new("Input.WorkingGroupId", group.Id.ToString()), new("Input.Attendees", "区役所、社協"),
             new("Input.Summary", "学習支援の会場を検討した。"), new("Input.Decisions", "会場は区民センターとする。\n1月に開始する。")]);
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);

        var action = await kita.SubmitFormAsync($"/staff/taskforces/{taskForce.Id}/actions/edit",
            [new("Input.Description", "区民センターの予約"), new("Input.OwnerOrganisationId", welfare.ToString()), new("Input.DueDate", "2026-12-01"),
             new("Input.Status", "Open"), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);

        // A working group that has sessions cannot be dropped.
        var current = await FindAsync(host, "子どもの居場所づくりタスクフォース");
        var drop = await kita.SubmitFormAsync($"/staff/taskforces/edit/{taskForce.Id}",
            [new("Input.Name", current.Name), new("Input.MemberIds", welfare.ToString()), new("Input.WorkingGroups", "食事支援WG"),
             new("Input.IsPublic", "false"), new("Input.Version", current.Version.ToString())]);
        Assert.Equal(HttpStatusCode.OK, drop.StatusCode);
        Assert.Contains("ワーキンググループ「学習支援WG」には会合の記録があるため削除できません。", await drop.Content.ReadAsStringAsync());

        var page = await kita.GetStringAsync($"/taskforces/{taskForce.Id}");
        Assert.Contains("会場は区民センターとする。", page);
        Assert.Contains("区民センターの予約", page);
        // Private: residents do not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync($"/taskforces/{taskForce.Id}")).StatusCode);
        Assert.DoesNotContain("子どもの居場所づくり", await host.CreateClient().GetStringAsync("/taskforces"));
    }

    [Fact]
    public async Task A_session_edited_by_two_people_keeps_the_first_save_and_refuses_the_second()
    {
        await using var host = await PortalTestHost.StartAsync();
        var taskForce = await FindAsync(host);
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);
        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);

        Assert.Equal(HttpStatusCode.Redirect, (await kita.SubmitFormAsync($"/staff/taskforces/{taskForce.Id}/sessions/edit",
            [new("Input.Start", "2026-11-12T10:00"), new("Input.Summary", "最初の記録"), new("Input.Decisions", "決定A")])).StatusCode);
        var created = await host.QueryAsync(db => db.Set<TaskForceSession>().SingleAsync(s => s.TaskForceId == taskForce.Id && s.Summary == "最初の記録"));
        var form = $"/staff/taskforces/{taskForce.Id}/sessions/edit/{created.Id}";
        Assert.Contains(created.Version.ToString(), await kita.GetStringAsync(form));

        // Both opened the form at this version; the ward office saves first.
        List<KeyValuePair<string, string>> Edit(string summary, string decisions) =>
            [new("Input.Start", "2026-11-12T10:00"), new("Input.Summary", summary), new("Input.Decisions", decisions), new("Input.Version", created.Version.ToString())];
        Assert.Equal(HttpStatusCode.Redirect, (await kita.SubmitFormAsync(form, Edit("区役所の修正", "決定A\n決定B"))).StatusCode);
        var late = await admin.SubmitFormAsync(form, Edit("管理者の修正", "別の決定"));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("この会合の記録は他の人が先に更新しました。", await late.Content.ReadAsStringAsync());
        var saved = await host.QueryAsync(db => db.Set<TaskForceSession>().Include(s => s.Decisions).SingleAsync(s => s.Id == created.Id));
        Assert.Equal("区役所の修正", saved.Summary);
        Assert.Equal(["決定A", "決定B"], saved.Decisions.OrderBy(d => d.Number).Select(d => d.Text));
        Assert.NotEqual(created.Version, saved.Version);
    }

    [Theory]
    [InlineData(0, "名称を入力してください。")]
    [InlineData(201, "名称は200文字以内で入力してください。")]
    public async Task Task_force_name_is_validated_with_a_message(int length, string message)
    {
        await using var host = await PortalTestHost.StartAsync();
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);

        var response = await kita.SubmitFormAsync("/staff/taskforces/edit",
            [new("Input.Name", new string('長', length)), new("Input.Version", Guid.Empty.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Action_form_refuses_bad_dates_and_outsiders_as_owners()
    {
        await using var host = await PortalTestHost.StartAsync();
        var taskForce = await FindAsync(host);
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWard);
        var url = $"/staff/taskforces/{taskForce.Id}/actions/edit";

        var badDate = await kita.SubmitFormAsync(url,
            [new("Input.Description", "x"), new("Input.OwnerOrganisationId", taskForce.OwnerOrganisationId.ToString()), new("Input.DueDate", "2026-13-40"), new("Input.Status", "Open")]);
        var outsider = await kita.SubmitFormAsync(url,
            [new("Input.Description", "x"), new("Input.OwnerOrganisationId", (await OrganisationIdAsync(host, "chuo-welfare")).ToString()), new("Input.DueDate", "2026-12-01"), new("Input.Status", "Open")]);

        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("期限として正しくありません。", await badDate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, outsider.StatusCode);
        Assert.Contains("担当組織はメンバー組織から選んでください。", await outsider.Content.ReadAsStringAsync());
        Assert.Equal(taskForce.ActionItems.Count, (await FindAsync(host)).ActionItems.Count);
    }
}
