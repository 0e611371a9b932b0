using System.Net;
using Portal.Tests.Infrastructure;
using static Portal.Tests.SupportOrganisations.SupportTestData;

namespace Portal.Tests.SupportOrganisations;

/// <summary>/staff/support-choices: ward-office staff see their own ward only (403 for another); administrators any ward.</summary>
public class WardChoicesPageTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ward_staff_see_their_own_wards_choices_with_reason_by_default()
    {
        using var client = _host.CreateClient();
        await client.LoginAsync(TestUsers.KitaWard);

        var html = await client.GetStringAsync("/staff/support-choices?year=2026");

        Assert.Contains("北区の中間支援組織の選択状況", html);
        Assert.Contains("菅北地域活動協議会", html);
        Assert.Contains("一般社団法人 大阪まちづくり協働ラボ", html);
        Assert.Contains("会計ソフトの導入と、事務局の交代に備えた手順書づくりを支援してもらうため。", html);
        Assert.Contains("未選択", html); // 済美 has no choice
        Assert.DoesNotContain("中大江地域活動協議会", html);
        Assert.Contains("菅北地域活動協議会", await client.GetStringAsync("/staff/support-choices?ward=27127&year=2026"));
    }

    [Fact]
    public async Task Ward_staff_of_another_ward_are_forbidden()
    {
        using var client = _host.CreateClient();
        await client.LoginAsync(TestUsers.ChuoWard);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/staff/support-choices?ward=27127")).StatusCode);
        var own = await client.GetStringAsync("/staff/support-choices?year=2026");
        Assert.Contains("中大江地域活動協議会", own);
        Assert.DoesNotContain("菅北地域活動協議会", own);
    }

    [Theory]
    [InlineData(TestUsers.KitaCommunity)]
    [InlineData(TestUsers.KitaWelfare)]
    [InlineData(SupportUser)]
    public async Task Staff_without_the_permission_are_forbidden(string userName)
    {
        using var client = _host.CreateClient();
        await client.LoginAsync(userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/staff/support-choices?ward=27127")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login()
    {
        using var client = _host.CreateClient();
        var response = await client.GetAsync("/staff/support-choices?ward=27127");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Administrators_pick_any_ward_and_bad_input_is_a_client_error()
    {
        using var client = _host.CreateClient();
        await client.LoginAsync(TestUsers.Admin);

        Assert.Contains("中大江地域活動協議会", await client.GetStringAsync("/staff/support-choices?ward=27128&year=2026"));
        Assert.Contains("菅北地域活動協議会", await client.GetStringAsync("/staff/support-choices?ward=27127&year=2026"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/support-choices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/support-choices?ward=99999")).StatusCode);
        var badYear = await client.GetAsync("/staff/support-choices?ward=27127&year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("年度は2026のような西暦の数字で指定してください。", await badYear.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_years_show_their_own_choices()
    {
        using var client = _host.CreateClient();
        await client.LoginAsync(TestUsers.KitaWard);
        var html = await client.GetStringAsync("/staff/support-choices?year=2025");
        Assert.Contains("特定非営利活動法人 きた・みやこ地域サポートネット", html); // 豊仁 2025年度
        Assert.DoesNotContain("会計ソフトの導入と、事務局の交代に備えた手順書づくりを支援してもらうため。", html);
    }
}
