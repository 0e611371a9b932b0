using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task LoginAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザー名").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    [Fact]
    public async Task Welfare_raises_a_voice_the_ward_answers_it_and_residents_read_the_answer_without_the_raiser()
    {
        await using var host = await PortalTestHost.StartAsync();
        const string summary = "学童保育の送迎ルートに見守りがほしい";
        const string raiser = "見守 花子";
        const string answer = "下校時間帯に見守りボランティアの配置を始めました。";

        var welfare = await browser.NewPageAsync(host);
        await LoginAsync(welfare, TestUsers.KitaWelfare);
        await welfare.GotoAsync("/staff/voice/edit");
        await welfare.GetByLabel("件名").FillAsync(summary);
        await welfare.GetByLabel("内容", new() { Exact = true }).FillAsync("保護者から、夕方の送迎ルートが暗く不安との声。");
        await welfare.GetByLabel("分類").SelectOptionAsync(new SelectOptionValue { Label = "子育て" });
        await welfare.GetByRole(AriaRole.Radio, new() { Name = "区政会議" }).CheckAsync();
        await welfare.GetByLabel("お名前").FillAsync(raiser);
        await welfare.GetByLabel("連絡先").FillAsync("06-1111-2222");
        await welfare.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await welfare.WaitForURLAsync(new Regex(@"/staff/voice/\d+$"));
        var id = int.Parse(Regex.Match(welfare.Url, @"/staff/voice/(\d+)$").Groups[1].Value);

        var ward = await browser.NewPageAsync(host);
        await LoginAsync(ward, TestUsers.KitaWard);
        await ward.GotoAsync("/staff/voice");
        await ward.GetByLabel("担当課").SelectOptionAsync(new SelectOptionValue { Label = "子育て支援担当（北区）" });
        await ward.GetByRole(AriaRole.Button, new() { Name = "表示" }).ClickAsync();
        await ward.GetByRole(AriaRole.Link, new() { Name = summary }).ClickAsync();
        await ward.WaitForURLAsync($"**/staff/voice/{id}");
        Assert.Contains(raiser, await ward.ContentAsync());
        await ward.GetByLabel("状況").SelectOptionAsync(new SelectOptionValue { Label = "回答済み（回答を公開）" });
        await ward.GetByLabel("メモ（職員のみ・経過に残ります）").FillAsync("こども青少年局と調整済み");
        await ward.GetByLabel("回答", new() { Exact = true }).FillAsync(answer);
        await ward.GetByRole(AriaRole.Button, new() { Name = "対応を保存" }).ClickAsync();
        await Assertions.Expect(ward.GetByRole(AriaRole.Status).First).ToContainTextAsync("対応内容を保存しました。");

        var resident = await browser.NewPageAsync(host);
        var response = await resident.GotoAsync($"/voice/{id}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(resident.Locator(".voice-response")).ToHaveTextAsync(answer);
        var html = await resident.ContentAsync();
        Assert.Contains(summary, html);
        Assert.DoesNotContain(raiser, html);
        Assert.DoesNotContain("06-1111-2222", html);
        Assert.DoesNotContain("こども青少年局と調整済み", html);
    }
}
