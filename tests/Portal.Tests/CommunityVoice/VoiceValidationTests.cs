using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.CommunityVoice.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceValidationTests
{
    [Fact]
    public async Task Bad_input_on_the_record_form_gives_messages_and_saves_nothing()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWelfare);
        var category = await host.CategoryIdAsync("防災");
        var before = await host.WithDbAsync(db => db.Set<VoiceItem>().CountAsync());

        (string Field, string Value, string Message)[] cases =
        [
            ("Input.Summary", "", "件名を入力してください。"),
            ("Input.Summary", new string('声', 201), "件名は200文字以内で入力してください。"),
            ("Input.Details", new string('声', 4001), "内容は4000文字以内で入力してください。"),
            ("Input.RaiserContact", new string('1', 201), "連絡先は200文字以内で入力してください。"),
            ("Input.CategoryId", "9999", "分類を一覧から選んでください。"),
            ("Input.CategoryId", "abc", "「abc」は分類として正しくありません。"),
            ("Input.RaisedOn", "2026-13-45", "「2026-13-45」は受付日として正しくありません。"),
            ("Input.Source", "Rumour", "「Rumour」は出典として正しくありません。"),
            ("Input.TargetResponseDate", "2026-11-01", "回答期限は受付日以降の日付にしてください。"),
        ];
        foreach (var (field, value, message) in cases)
        {
            var response = await staff.SubmitFormAsync("/staff/voice/edit", VoiceTestData.NewItemForm(category, "検証用の声", (field, value)));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{field}={value[..Math.Min(10, value.Length)]} answered {(int)response.StatusCode}");
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await host.WithDbAsync(db => db.Set<VoiceItem>().CountAsync()));
    }

    [Fact]
    public async Task Unknown_items_answer_404_on_staff_pages()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);

        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync("/staff/voice/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync("/staff/voice/edit/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync("/staff/voice/routing?ward=99999")).StatusCode);
    }
}
