using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Portal.Tests.SupportOrganisations.SupportTestData;

namespace Portal.Tests.SupportOrganisations;

public class SupportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Resident_compares_then_council_staff_record_a_choice_that_the_ward_office_sees()
    {
        await using var host = await PortalTestHost.StartAsync();

        // A resident ticks two organisations on the list and compares them.
        var resident = await browser.NewPageAsync(host);
        await resident.GotoAsync("/support-organisations?ward=27127");
        await resident.GetByLabel("一般社団法人 大阪まちづくり協働ラボを比較に加える").CheckAsync();
        await resident.GetByLabel("特定非営利活動法人 きた・みやこ地域サポートネットを比較に加える").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "選んだ組織を比較する" }).ClickAsync();
        await resident.WaitForURLAsync("**/support-organisations/compare?**");
        var table = resident.GetByRole(AriaRole.Table);
        Assert.Equal(2, await table.GetByRole(AriaRole.Columnheader).CountAsync());
        Assert.Contains("担い手育成", await table.InnerTextAsync());

        // kita-community records the choice for a 北区 council.
        var staff = await browser.NewPageAsync(host);
        await staff.GotoAsync("/account/login");
        await staff.GetByLabel("ユーザー名").FillAsync(TestUsers.KitaCommunity);
        await staff.GetByLabel("パスワード").FillAsync(TestUsers.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await staff.GotoAsync("/staff/support-choices/councils");
        await staff.GetByRole(AriaRole.Link, new() { Name = $"{KitaCouncil}の選択を記録" }).ClickAsync();
        await staff.GetByLabel("特定非営利活動法人 きた・みやこ地域サポートネット").CheckAsync();
        await staff.GetByLabel("選んだ理由").FillAsync("大学生ボランティアとのマッチング実績があり、担い手不足の解消が期待できるため。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
        await staff.WaitForURLAsync("**/staff/support-choices/councils");
        Assert.Contains("選択を記録しました", await staff.Locator("[role=status]").InnerTextAsync());

        // The ward office sees it.
        var ward = await browser.NewPageAsync(host);
        await ward.GotoAsync("/account/login");
        await ward.GetByLabel("ユーザー名").FillAsync(TestUsers.KitaWard);
        await ward.GetByLabel("パスワード").FillAsync(TestUsers.Password);
        await ward.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await ward.GotoAsync("/staff/support-choices?ward=27127");
        var row = ward.GetByRole(AriaRole.Row).Filter(new() { HasText = KitaCouncil });
        var text = await row.InnerTextAsync();
        Assert.Contains("特定非営利活動法人 きた・みやこ地域サポートネット", text);
        Assert.Contains("大学生ボランティアとのマッチング実績があり", text);
        Assert.Contains(TestUsers.KitaCommunity, text);
    }
}
