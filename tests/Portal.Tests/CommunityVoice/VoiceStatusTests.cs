using System.Net;
using Portal.Modules.CommunityVoice.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceStatusTests
{
    [Fact]
    public async Task Status_changes_write_history_and_closing_publishes_the_response()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var welfare = host.CreateClient();
        await welfare.LoginAsync(TestUsers.KitaWelfare);
        var item = await host.RaiseAsync(welfare, "環境・ごみ", "公園の落ち葉回収を増やしてほしい");
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);

        Assert.Equal(HttpStatusCode.Redirect, (await host.HandleAsync(ward, item.Id, "環境・ごみ", "担当課確認中", note: "環境局に照会済み")).StatusCode);
        var checking = await host.ItemAsync(item.Id);
        Assert.Null(checking.ResponsePublishedUtc);

        Assert.Equal(HttpStatusCode.Redirect, (await host.HandleAsync(ward, item.Id, "環境・ごみ", "回答済み",
            note: "内部メモ：来月から回収を増便", response: "11月から落ち葉の回収を週2回に増やします。")).StatusCode);

        var answered = await host.ItemAsync(item.Id);
        Assert.Equal("回答済み", answered.Status!.Name);
        Assert.NotNull(answered.ResponsePublishedUtc);
        var changes = answered.History.Where(h => h.Kind == VoiceHistoryKind.StatusChanged).OrderBy(h => h.Id).ToList();
        Assert.Equal([("受付", "担当課確認中", "環境局に照会済み"), ("担当課確認中", "回答済み", "内部メモ：来月から回収を増便")],
            changes.Select(h => (h.From, h.To, h.Note)).ToList());
        Assert.All(changes, h => Assert.Equal("kita-ward", h.ChangedBy));

        using var resident = host.CreateClient();
        var html = await resident.GetStringAsync($"/voice/{item.Id}");
        Assert.Contains("11月から落ち葉の回収を週2回に増やします。", html);
        Assert.Contains("担当課確認中 → 回答済み", html);
        Assert.DoesNotContain("環境局に照会済み", html);
        Assert.DoesNotContain("内部メモ", html);
    }

    [Fact]
    public async Task Reopening_an_answered_item_withdraws_its_public_response()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var item = await host.RaiseAsync(ward, "防災", "消火器の点検時期を知りたい");
        await host.HandleAsync(ward, item.Id, "防災", "回答済み", response: "点検は毎年6月に行います。");

        await host.HandleAsync(ward, item.Id, "防災", "対応検討中", response: "点検は毎年6月に行います。", note: "追加の質問あり");

        var reopened = await host.ItemAsync(item.Id);
        Assert.Null(reopened.ResponsePublishedUtc);
        using var resident = host.CreateClient();
        Assert.DoesNotContain("点検は毎年6月に行います。", await resident.GetStringAsync($"/voice/{item.Id}"));
    }

    [Fact]
    public async Task Closing_with_a_public_response_needs_a_response_and_unknown_ids_are_refused()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var item = await host.RaiseAsync(ward, "防災", "防災無線が聞こえにくい");

        var noResponse = await host.HandleAsync(ward, item.Id, "防災", "回答済み");
        Assert.Equal(HttpStatusCode.OK, noResponse.StatusCode);
        Assert.Contains("「回答済み」にするには、公開する回答を入力してください。", await noResponse.Content.ReadAsStringAsync());

        var version = await VoiceTestData.FormVersionAsync(ward, $"/staff/voice/{item.Id}");
        var unknown = await ward.SubmitFormAsync($"/staff/voice/{item.Id}",
        [
            new("Input.CategoryId", "9999"), new("Input.StatusId", "abc"), new("Input.IsPublic", "true"), new("Input.Version", version),
        ]);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("分類を一覧から選んでください。", html);
        Assert.Contains("「abc」は状況として正しくありません。", html);

        var tooLong = await host.HandleAsync(ward, item.Id, "防災", "受付", note: new string('あ', 1001));
        Assert.Contains("メモは1000文字以内で入力してください。", await tooLong.Content.ReadAsStringAsync());

        var unchanged = await host.ItemAsync(item.Id);
        Assert.Equal("受付", unchanged.Status!.Name);
        Assert.Single(unchanged.History);
        Assert.Equal(item.Version, unchanged.Version);
    }
}
