using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>
/// Real Chromium journeys. Locators go by role, accessible name and label, so they also check that links, headings,
/// landmarks and form fields are exposed to assistive technology.
/// </summary>
public class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Resident_browses_to_an_update_and_staff_publish_one_that_a_fresh_visitor_sees()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var update = await host.PublishedUpdateAsync(council.Id, "kita-community");

        // A resident: home → 地域活動協議会 → 北区 → a council → one of its updates.
        var resident = await browser.NewPageAsync(host);
        await resident.GotoAsync("/");
        await resident.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" })
            .GetByRole(AriaRole.Link, new() { Name = "地域活動協議会", Exact = true }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("地域活動協議会");

        await resident.GetByRole(AriaRole.Navigation, new() { Name = "区から探す" }).GetByRole(AriaRole.Link, new() { Name = "北区" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("北区の地域活動協議会");

        await resident.GetByRole(AriaRole.Link, new() { Name = council.Name, Exact = true }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(council.Name);
        await Assertions.Expect(resident).ToHaveURLAsync(new Uri(host.BaseAddress, $"/councils/{council.Id}").ToString());

        await resident.GetByRole(AriaRole.Region, new() { Name = "最新の活動報告" }).GetByRole(AriaRole.Link, new() { Name = update.Title }).First.ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(update.Title);
        await Assertions.Expect(resident.GetByRole(AriaRole.Article)).ToContainTextAsync("防災訓練");
        await resident.Context.CloseAsync();

        // Staff of kita-community sign in through the form and publish an update on the council.
        var staff = await browser.NewPageAsync(host);
        await staff.GotoAsync($"/councils/{council.Id}");
        await staff.GetByRole(AriaRole.Link, new() { Name = "職員ログイン" }).ClickAsync();
        await staff.GetByLabel("ユーザー名").FillAsync(TestUsers.KitaCommunity);
        await staff.GetByLabel("パスワード").FillAsync(TestUsers.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        // Back on the council page (returnUrl), now with the staff actions.
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(council.Name);
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "ログアウト" })).ToBeVisibleAsync();

        await staff.GetByRole(AriaRole.Link, new() { Name = "更新情報を書く" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("活動報告を書く");
        const string title = "歳末夜警パトロールの参加者募集";
        await staff.GetByLabel("タイトル").FillAsync(title);
        await staff.GetByLabel("本文").FillAsync("<p>12月28日の夜に町内を巡回します。</p><ul><li>集合: 菅北会館</li></ul>");
        await staff.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("活動報告を公開しました。");
        await Assertions.Expect(staff.GetByRole(AriaRole.Table).Filter(new() { HasText = "自組織の活動報告" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("公開中");

        // A fresh anonymous visitor sees it on the council page and can open it.
        var visitor = await browser.NewPageAsync(host);
        await visitor.GotoAsync($"/councils/{council.Id}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "職員ログイン" })).ToBeVisibleAsync();
        var link = visitor.GetByRole(AriaRole.Region, new() { Name = "最新の活動報告" }).GetByRole(AriaRole.Link, new() { Name = title });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Article).GetByRole(AriaRole.Listitem)).ToHaveTextAsync("集合: 菅北会館");
    }
}
