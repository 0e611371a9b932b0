using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoicePublicTests
{
    // Seeded by the default recipe: answered, with a raiser, details and an internal note.
    private const string AnsweredSummary = "子ども食堂の開催場所を増やしてほしい";
    private const string HiddenSummary = "個別の相談案件（非公開）";

    [Fact]
    public async Task The_public_page_and_search_document_carry_no_personal_data_details_or_notes()
    {
        await using var host = await PortalTestHost.StartAsync();
        var item = await host.ItemBySummaryAsync(AnsweredSummary);
        string[] secrets = [item.RaiserName, item.RaiserContact, item.Details, .. item.History.Select(h => h.Note).Where(n => n.Length > 0)];
        Assert.Contains("鈴木 次郎", secrets);
        Assert.Contains("地域の集会所の空き状況を確認して回答", secrets);

        using var resident = host.CreateClient();
        var page = await resident.GetStringAsync($"/voice/{item.Id}");
        var list = await resident.GetStringAsync("/voice?ward=27127");
        var document = await host.SearchDocumentAsync(item.Id);

        Assert.Contains(AnsweredSummary, page);
        Assert.Contains(item.Response, page);
        Assert.Contains("子育て支援担当", page);
        Assert.NotNull(document);
        Assert.Equal("voice-item", document.ContentType);
        Assert.Equal("27127", document.WardCode);
        Assert.True(document.Audience.IsPublic);
        Assert.Contains(item.Response, document.Body);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, page);
            Assert.DoesNotContain(secret, list);
            Assert.DoesNotContain(secret, document.Title + document.Body);
        }
    }

    [Fact]
    public async Task Items_marked_not_public_are_hidden_from_residents_entirely()
    {
        await using var host = await PortalTestHost.StartAsync();
        var hidden = await host.ItemBySummaryAsync(HiddenSummary);
        using var resident = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/voice/{hidden.Id}")).StatusCode);
        Assert.DoesNotContain(HiddenSummary, await resident.GetStringAsync("/voice?ward=27127"));
        Assert.DoesNotContain(HiddenSummary, await resident.GetStringAsync("/voice"));
        Assert.Null(await host.SearchDocumentAsync(hidden.Id));
        var all = await host.AllSearchDocumentsAsync();
        Assert.DoesNotContain(all, d => d.Key == hidden.Id.ToString());
        Assert.Contains(all, d => d.Title == AnsweredSummary);

        // Unticking "public" hides an item that was visible.
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var visible = await host.ItemBySummaryAsync(AnsweredSummary);
        await host.HandleAsync(ward, visible.Id, visible.Category!.Name, visible.Status!.Name, response: visible.Response, isPublic: false);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/voice/{visible.Id}")).StatusCode);
        Assert.Null(await host.SearchDocumentAsync(visible.Id));

        // The raiser can keep a sensitive item from residents from the start.
        using var welfare = host.CreateClient();
        await welfare.LoginAsync(TestUsers.KitaWelfare);
        var privateItem = await host.RaiseAsync(welfare, "高齢者福祉", "ご家族からの個別相談", ("Input.IsPublic", "false"));
        Assert.False(privateItem.IsPublic);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/voice/{privateItem.Id}")).StatusCode);
    }

    [Fact]
    public async Task Saving_an_item_logs_a_search_change_and_pages_speak_English_when_chosen()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var item = await host.RaiseAsync(ward, "防災", "防災倉庫の場所を知りたい");

        var logged = await host.WithDbAsync(db => db.ContentChanges.CountAsync(c => c.ContentType == "voice-item" && c.ContentKey == item.Id.ToString()));
        Assert.Equal(1, logged);

        using var resident = host.CreateClient();
        var english = await resident.GetStringAsync($"/voice/{item.Id}?culture=en&ui-culture=en");
        Assert.Contains("lang=\"en\"", english);
        Assert.Contains("Disaster prevention", english);
        Assert.Contains("The department is working on it.", english);
    }

    [Fact]
    public async Task The_public_list_filters_by_ward_category_and_status_and_pages()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var resident = host.CreateClient();
        var childcare = await host.CategoryIdAsync("子育て");
        var answered = await host.StatusIdAsync("回答済み");

        var html = await resident.GetStringAsync($"/voice?ward=27127&category={childcare}&status={answered}");
        Assert.Contains(AnsweredSummary, html);
        Assert.DoesNotContain("扇町公園の遊具の老朽化が心配", html);
        Assert.DoesNotContain("子育てサロンの情報をまとめて知りたい", html); // Chuo

        var empty = await resident.GetStringAsync("/voice?ward=27127&p=2");
        Assert.Contains("該当する地域の声はありません。", empty);
    }

    [Fact]
    public async Task Bad_query_parameters_answer_400_with_a_message()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var resident = host.CreateClient();
        (string Url, string Message)[] cases =
        [
            ("/voice?category=abc", "category は一覧から選んだ番号で指定してください。"),
            ("/voice?category=9999", "指定された分類はありません。"),
            ("/voice?status=-1", "status は一覧から選んだ番号で指定してください。"),
            ("/voice?p=0", "ページ番号は1以上の整数で指定してください。"),
            ("/voice?ward=1234567", "ward は 27127 のような区コードで指定してください。"),
        ];

        foreach (var (url, message) in cases)
        {
            var response = await resident.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Unknown_wards_and_items_answer_404()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var resident = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/voice?ward=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/voice/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/voice/abc")).StatusCode);
    }
}
