using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.CommunityVoice.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceRoutingTests
{
    [Fact]
    public async Task A_new_item_goes_to_the_wards_own_department_and_otherwise_to_the_city_default()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var kita = host.CreateClient();
        await kita.LoginAsync(TestUsers.KitaWelfare);
        using var chuo = host.CreateClient();
        await chuo.LoginAsync(TestUsers.ChuoWelfare);

        // 子育て has a Kita rule (子育て支援担当) and a city default (こども青少年局); Chuo has no rule of its own.
        var kitaItem = await host.RaiseAsync(kita, "子育て", "北区の子育て相談の場所");
        var chuoItem = await host.RaiseAsync(chuo, "子育て", "中央区の子育て相談の場所");

        Assert.Equal(await host.DepartmentIdAsync("子育て支援担当", "27127"), kitaItem.DepartmentId);
        Assert.Equal(await host.DepartmentIdAsync("こども青少年局 子育て支援部", null), chuoItem.DepartmentId);
        Assert.Equal("受付", kitaItem.Status!.Name);
        var received = Assert.Single(kitaItem.History);
        Assert.Equal(VoiceHistoryKind.Received, received.Kind);
        Assert.Equal("kita-welfare", received.ChangedBy);
        Assert.Equal("子育て支援担当", received.To);
    }

    [Fact]
    public async Task Changing_the_category_reroutes_the_item_and_records_it_in_the_history()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var welfare = host.CreateClient();
        await welfare.LoginAsync(TestUsers.KitaWelfare);
        var item = await host.RaiseAsync(welfare, "防災", "避難所の案内板が読みにくい");
        Assert.Equal(await host.DepartmentIdAsync("地域防災担当", "27127"), item.DepartmentId);

        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var response = await host.HandleAsync(ward, item.Id, "高齢者福祉", "受付", note: "高齢者向けの掲示の話なので保健福祉課へ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await host.ItemAsync(item.Id);
        Assert.Equal(await host.DepartmentIdAsync("保健福祉課", "27127"), after.DepartmentId);
        Assert.Equal("高齢者福祉", after.Category!.Name);
        var categoryRow = Assert.Single(after.History, h => h.Kind == VoiceHistoryKind.CategoryChanged);
        Assert.Equal(("防災", "高齢者福祉"), (categoryRow.From, categoryRow.To));
        Assert.Equal("高齢者向けの掲示の話なので保健福祉課へ", categoryRow.Note);
        var reroute = Assert.Single(after.History, h => h.Kind == VoiceHistoryKind.Rerouted);
        Assert.Equal(("地域防災担当", "保健福祉課"), (reroute.From, reroute.To));
        Assert.Equal("kita-ward", reroute.ChangedBy);
        Assert.DoesNotContain(after.History, h => h.Kind == VoiceHistoryKind.StatusChanged);
    }

    [Fact]
    public async Task Ward_staff_edit_their_routing_table_and_new_items_follow_it()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var roads = await host.CategoryIdAsync("道路・公園");
        var counter = await host.DepartmentIdAsync("窓口サービス課", "27127");

        var saved = await ward.SubmitFormAsync("/staff/voice/routing", [new($"Rules[{roads}]", counter.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var item = await host.RaiseAsync(ward, "道路・公園", "歩道の段差が大きい");
        Assert.Equal(counter, item.DepartmentId);
        // Categories left empty in the form follow the city default again.
        var defaults = await host.RaiseAsync(ward, "防災", "防災マップを配ってほしい");
        Assert.Equal(await host.DepartmentIdAsync("危機管理室", null), defaults.DepartmentId);
    }

    [Fact]
    public async Task The_routing_table_rejects_unknown_departments_and_other_wards_staff()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var disaster = await host.CategoryIdAsync("防災");
        var chuoDepartment = await host.DepartmentIdAsync("地域防災担当", "27128");

        var invalid = await ward.SubmitFormAsync("/staff/voice/routing", [new($"Rules[{disaster}]", chuoDepartment.ToString())]);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("「防災」の担当課を一覧から選んでください。", await invalid.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync("/staff/voice/routing?ward=27128")).StatusCode);
        var foreign = await ward.PostWithTokenFromAsync("/staff/voice/routing", "/staff/voice/routing?ward=27128",
            [new($"Rules[{disaster}]", (await host.DepartmentIdAsync("市民協働課", "27128")).ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);

        using var community = host.CreateClient();
        await community.LoginAsync(TestUsers.KitaCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.GetAsync("/staff/voice/routing")).StatusCode);

        var item = await host.RaiseAsync(ward, "防災", "防災訓練の日程を知りたい");
        Assert.Equal(await host.DepartmentIdAsync("地域防災担当", "27127"), item.DepartmentId);
    }

    [Fact]
    public async Task Administrators_maintain_the_city_defaults_and_city_departments()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);

        var added = await admin.SubmitFormAsync("/staff/voice/routing", [new("NewDepartmentName", "都市整備局 公園課")], "/staff/voice/routing?handler=Department");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var duplicate = await admin.SubmitFormAsync("/staff/voice/routing", [new("NewDepartmentName", "都市整備局 公園課")], "/staff/voice/routing?handler=Department");
        Assert.Contains("「都市整備局 公園課」はすでに登録されています。", await duplicate.Content.ReadAsStringAsync());
        var parks = await host.DepartmentIdAsync("都市整備局 公園課", null);

        var roads = await host.CategoryIdAsync("道路・公園");
        var cityRules = await admin.SubmitFormAsync("/staff/voice/routing", [new($"Rules[{roads}]", parks.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, cityRules.StatusCode);

        var item = await host.RaiseAsync(admin, "道路・公園", "公園のベンチを増やしてほしい", ("Input.WardCode", "27128"));
        Assert.Equal(parks, item.DepartmentId);

        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        // Ward staff add departments to their own ward only; the city list is the administrators'.
        var wardDepartment = await ward.SubmitFormAsync("/staff/voice/routing", [new("NewDepartmentName", "北区 まちづくり担当")], "/staff/voice/routing?handler=Department");
        Assert.Equal(HttpStatusCode.Redirect, wardDepartment.StatusCode);
        var empty = await ward.SubmitFormAsync("/staff/voice/routing", [new("NewDepartmentName", " ")], "/staff/voice/routing?handler=Department");
        Assert.Contains("担当課の名前を入力してください。", await empty.Content.ReadAsStringAsync());
        Assert.True(await host.WithDbAsync(db => db.Set<VoiceDepartment>().AnyAsync(d => d.Name == "北区 まちづくり担当" && d.Ward!.Code == "27127")));
    }
}
