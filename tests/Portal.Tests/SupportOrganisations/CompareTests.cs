using System.Net;
using Portal.Tests.Infrastructure;
using static Portal.Tests.SupportOrganisations.SupportTestData;

namespace Portal.Tests.SupportOrganisations;

/// <summary>/support-organisations/compare?ids=…: 2–4 published profiles side by side; anything else is a 400 or 404 page.</summary>
public class CompareTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Residents_compare_organisations_in_an_accessible_table()
    {
        using var client = _host.CreateClient();
        var lab = await _host.ProfileIdAsync(MachizukuriLab);
        var net = await _host.ProfileIdAsync(KitaMiyakoNet);
        var bay = await _host.ProfileIdAsync(Bayside);

        var html = await client.GetStringAsync($"/support-organisations/compare?ids={lab}&ids={net}&ids={bay}");

        Assert.Contains("<th scope=\"col\"><a href=\"/support-organisations/" + lab + "\">一般社団法人 大阪まちづくり協働ラボ</a></th>", html);
        Assert.Contains("<th scope=\"row\">法人化・認定支援</th>", html);
        Assert.Contains("<th scope=\"row\">対象の区</th>", html);
        Assert.Contains("2024年度: 大正区の協議会のNPO法人化を支援", html);
        Assert.Contains("<caption>", html);
    }

    [Theory]
    [InlineData("", "比較する組織は2〜4団体選んでください。")]
    [InlineData("?ids={0}", "比較する組織は2〜4団体選んでください。")]
    [InlineData("?ids={0}&ids={0}", "比較する組織は2〜4団体選んでください。")]
    [InlineData("?ids={0}&ids=abc", "比較する組織の指定が正しくありません。")]
    [InlineData("?ids={0}&ids=-3", "比較する組織の指定が正しくありません。")]
    [InlineData("?ids={0}&ids=99999999999999", "比較する組織の指定が正しくありません。")]
    [InlineData("?ids=1&ids=2&ids=3&ids=4&ids=5", "比較する組織は2〜4団体選んでください。")]
    public async Task Bad_id_lists_are_a_400_with_a_message(string query, string message)
    {
        using var client = _host.CreateClient();
        var lab = await _host.ProfileIdAsync(MachizukuriLab);

        var response = await client.GetAsync("/support-organisations/compare" + string.Format(query, lab));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        using var client = _host.CreateClient();
        var lab = await _host.ProfileIdAsync(MachizukuriLab);

        var response = await client.GetAsync($"/support-organisations/compare?ids={lab}&ids=99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
