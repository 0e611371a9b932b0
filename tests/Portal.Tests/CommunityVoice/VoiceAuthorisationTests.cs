using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceAuthorisationTests
{
    private const string KitaSummary = "扇町公園の遊具の老朽化が心配"; // raised by kita-community, in Kita

    private static async Task<List<KeyValuePair<string, string>>> HandlingFieldsAsync(PortalTestHost host, string version) =>
    [
        new("Input.CategoryId", (await host.CategoryIdAsync("環境・ごみ")).ToString()),
        new("Input.StatusId", (await host.StatusIdAsync("対応不可")).ToString()),
        new("Input.Response", "不正な回答"),
        new("Input.IsPublic", "false"),
        new("Input.Version", version),
    ];

    [Fact]
    public async Task Only_the_ward_office_of_the_items_ward_and_administrators_may_handle_it()
    {
        await using var host = await PortalTestHost.StartAsync();
        var item = await host.ItemBySummaryAsync(KitaSummary);
        var url = $"/staff/voice/{item.Id}";
        var fields = await HandlingFieldsAsync(host, item.Version.ToString());

        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostWithTokenFromAsync("/account/login", url, fields)).StatusCode);

        using var otherWard = host.CreateClient();
        await otherWard.LoginAsync(TestUsers.ChuoWard);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherWard.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherWard.PostWithTokenFromAsync("/staff/voice", url, fields)).StatusCode);

        // The raising organisation sees its item but does not decide on it.
        using var raiser = host.CreateClient();
        await raiser.LoginAsync(TestUsers.KitaCommunity);
        var raiserView = await raiser.GetStringAsync(url);
        Assert.DoesNotContain("対応を保存", raiserView);
        Assert.Equal(HttpStatusCode.Forbidden, (await raiser.PostWithTokenFromAsync("/staff/voice", url, fields)).StatusCode);

        using var sameWardOtherOrg = host.CreateClient();
        await sameWardOtherOrg.LoginAsync(TestUsers.KitaWelfare);
        Assert.Equal(HttpStatusCode.Forbidden, (await sameWardOtherOrg.GetAsync(url)).StatusCode);

        var untouched = await host.ItemAsync(item.Id);
        Assert.Equal(item.Version, untouched.Version);
        Assert.Equal("対応検討中", untouched.Status!.Name);
        Assert.True(untouched.IsPublic);
        Assert.Equal(item.History.Count, untouched.History.Count);

        using var ownWard = host.CreateClient();
        await ownWard.LoginAsync(TestUsers.KitaWard);
        Assert.Equal(HttpStatusCode.Redirect, (await host.HandleAsync(ownWard, item.Id, "道路・公園", "担当課確認中", note: "差し戻し")).StatusCode);
        Assert.Equal("担当課確認中", (await host.ItemAsync(item.Id)).Status!.Name);

        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await host.HandleAsync(admin, item.Id, "道路・公園", "対応検討中")).StatusCode);
        Assert.Equal("対応検討中", (await host.ItemAsync(item.Id)).Status!.Name);
    }

    [Fact]
    public async Task The_raiser_may_correct_its_item_until_the_ward_office_takes_it_up()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var raiser = host.CreateClient();
        await raiser.LoginAsync(TestUsers.KitaWelfare);
        var item = await host.RaiseAsync(raiser, "子育て", "児童館の開館時間を延ばしてほしい");
        var editUrl = $"/staff/voice/edit/{item.Id}";

        var corrected = await raiser.SubmitFormAsync(editUrl, VoiceTestData.NewItemForm(item.CategoryId, "児童館の開館時間を夕方まで延ばしてほしい",
            ("Input.Version", item.Version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal("児童館の開館時間を夕方まで延ばしてほしい", (await host.ItemAsync(item.Id)).Summary);

        using var otherOrg = host.CreateClient();
        await otherOrg.LoginAsync(TestUsers.KitaCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherOrg.GetAsync(editUrl)).StatusCode);

        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        await host.HandleAsync(ward, item.Id, "子育て", "担当課確認中");
        var takenUp = await host.ItemAsync(item.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await raiser.GetAsync(editUrl)).StatusCode);
        var late = await raiser.PostWithTokenFromAsync("/staff/voice", editUrl,
            VoiceTestData.NewItemForm(item.CategoryId, "書き換え", ("Input.Version", takenUp.Version.ToString())));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        var after = await host.ItemAsync(item.Id);
        Assert.Equal("児童館の開館時間を夕方まで延ばしてほしい", after.Summary);
        Assert.Equal(takenUp.Version, after.Version);

        // The ward office itself may still correct it.
        Assert.Equal(HttpStatusCode.OK, (await ward.GetAsync(editUrl)).StatusCode);
    }

    [Fact]
    public async Task Staff_record_items_only_for_their_own_ward_and_residents_not_at_all()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/staff/voice/edit")).StatusCode);

        using var chuo = host.CreateClient();
        await chuo.LoginAsync(TestUsers.ChuoCommunity);
        // A ward code in the form is ignored for staff: the item belongs to the organisation's ward.
        var item = await host.RaiseAsync(chuo, "防災", "中央区の避難経路の表示", ("Input.WardCode", "27127"));
        Assert.Equal(await host.WithDbAsync(db => Task.FromResult(db.Wards.Single(w => w.Code == "27128").Id)), item.WardId);
        Assert.Equal(await host.DepartmentIdAsync("地域防災担当", "27128"), item.DepartmentId);

        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var missingWard = await admin.SubmitFormAsync("/staff/voice/edit", VoiceTestData.NewItemForm(await host.CategoryIdAsync("防災"), "区のない声"));
        Assert.Contains("区を選んでください。", await missingWard.Content.ReadAsStringAsync());
        var adminItem = await host.RaiseAsync(admin, "防災", "管理者が記録した声", ("Input.WardCode", "27127"));
        Assert.Equal(await host.DepartmentIdAsync("地域防災担当", "27127"), adminItem.DepartmentId);
    }
}
