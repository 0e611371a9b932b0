using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceConcurrencyTests
{
    [Fact]
    public async Task A_handling_edit_based_on_an_outdated_version_answers_409_and_keeps_the_first()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var first = host.CreateClient();
        await first.LoginAsync(TestUsers.KitaWard);
        using var second = host.CreateClient();
        await second.LoginAsync(TestUsers.Admin);
        var item = await host.RaiseAsync(first, "防災", "土のうの配布場所を知りたい");
        var version = item.Version.ToString();

        var won = await host.HandleAsync(first, item.Id, "防災", "担当課確認中", note: "先に保存", version: version);
        var lost = await host.HandleAsync(second, item.Id, "防災", "対応検討中", note: "後から保存", version: version);

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("この地域の声は他の人が先に更新しました。", await lost.Content.ReadAsStringAsync());
        var saved = await host.ItemAsync(item.Id);
        Assert.Equal("担当課確認中", saved.Status!.Name);
        Assert.DoesNotContain(saved.History, h => h.Note == "後から保存");
    }

    [Fact]
    public async Task A_details_edit_based_on_an_outdated_version_answers_409()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var item = await host.RaiseAsync(ward, "防災", "街路灯が暗い");
        var url = $"/staff/voice/edit/{item.Id}";
        var version = ("Input.Version", item.Version.ToString());

        var won = await ward.SubmitFormAsync(url, VoiceTestData.NewItemForm(item.CategoryId, "街路灯が暗くて危ない", version));
        var lost = await ward.SubmitFormAsync(url, VoiceTestData.NewItemForm(item.CategoryId, "街路灯を増やしてほしい", version));

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal("街路灯が暗くて危ない", (await host.ItemAsync(item.Id)).Summary);
    }
}
