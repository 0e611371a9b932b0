using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;
using Portal.Tests.Infrastructure;
using static Portal.Tests.SupportOrganisations.SupportTestData;

namespace Portal.Tests.SupportOrganisations;

public class SupportProfileTests
{
    private static List<KeyValuePair<string, string>> ProfileForm(string description, string website = "https://example.jp/", string version = "") =>
    [
        new("Input.Description", description),
        new("Input.Services", nameof(SupportServices.AccountingAndAdministration)),
        new("Input.Services", nameof(SupportServices.PublicRelations)),
        new("Input.WardCodes", "27127"),
        new("Input.WardCodes", "27128"),
        new("Input.TrackRecord", "2025年度: テスト"),
        new("Input.WebsiteUrl", website),
        new("Input.IsPublished", "true"),
        new("Input.Version", version),
    ];

    [Fact]
    public async Task Support_staff_edit_their_own_profile()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(SupportUser);
        var id = await host.ProfileIdAsync(MachizukuriLab);

        var form = await client.GetStringAsync("/staff/support-profile");
        var response = await client.SubmitFormAsync("/staff/support-profile", ProfileForm("新しい紹介文", version: HiddenValue(form, "Input.Version")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await host.ProfileAsync(id);
        Assert.Equal("新しい紹介文", profile.Description);
        Assert.Equal(SupportServices.AccountingAndAdministration | SupportServices.PublicRelations, profile.Services);
        Assert.Equal(2, profile.Wards.Count);
        Assert.Equal(SupportUser, profile.ModifiedBy);
    }

    [Fact]
    public async Task Staff_of_other_organisations_are_forbidden_and_nothing_changes()
    {
        await using var host = await PortalTestHost.StartAsync();
        await host.CreateUserAsync("support-2", "IntermediarySupportStaff", KitaMiyakoNet);
        var id = await host.ProfileIdAsync(MachizukuriLab);
        var before = await host.ProfileAsync(id);

        foreach (var userName in new[] { "support-2", TestUsers.KitaCommunity, TestUsers.KitaWard })
        {
            using var client = host.CreateClient();
            await client.LoginAsync(userName);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/staff/support-profile/{id}")).StatusCode);
            var post = await client.PostWithTokenFromAsync("/", $"/staff/support-profile/{id}", ProfileForm("乗っ取り", version: before.Version.ToString()));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using (var anonymous = host.CreateClient())
        {
            var post = await anonymous.PostWithTokenFromAsync("/account/login", $"/staff/support-profile/{id}", ProfileForm("乗っ取り", version: before.Version.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("/account/login", post.Headers.Location!.OriginalString);
        }

        var after = await host.ProfileAsync(id);
        Assert.Equal(before.Description, after.Description);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Administrators_edit_any_profile_and_stale_versions_conflict()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var id = await host.ProfileIdAsync(Bayside);
        var stale = (await host.ProfileAsync(id)).Version.ToString();

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/staff/support-profile/{id}", ProfileForm("管理者が更新", version: stale))).StatusCode);
        var conflict = await admin.SubmitFormAsync($"/staff/support-profile/{id}", ProfileForm("古い画面から更新", version: stale));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("管理者が更新", (await host.ProfileAsync(id)).Description);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.jp/")]
    [InlineData("example.jp")]
    public async Task A_website_that_is_not_http_or_https_is_refused(string website)
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(SupportUser);
        var id = await host.ProfileIdAsync(MachizukuriLab);
        var before = await host.ProfileAsync(id);

        var response = await client.SubmitFormAsync("/staff/support-profile", ProfileForm("変更", website, before.Version.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ウェブサイトは http:// または https:// で始まるアドレスを入力してください。", await response.Content.ReadAsStringAsync());
        Assert.Equal(before.Description, (await host.ProfileAsync(id)).Description);
    }

    [Fact]
    public async Task A_profile_needs_at_least_one_ward()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(SupportUser);
        var form = ProfileForm("変更").Where(f => f.Key != "Input.WardCodes").Append(new("Input.WardCodes", "00000")).ToList();

        var response = await client.SubmitFormAsync("/staff/support-profile", form);

        Assert.Contains("対象の区の値が正しくありません。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Residents_see_published_profiles_only()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        var draft = await host.ProfileIdAsync(YodogawaCenter);
        var published = await host.ProfileIdAsync(MachizukuriLab);

        var list = await client.GetStringAsync("/support-organisations");
        Assert.Contains("一般社団法人 大阪まちづくり協働ラボ", list);
        Assert.DoesNotContain("よどがわ市民活動支援センター", list);
        Assert.DoesNotContain("よどがわ市民活動支援センター", await client.GetStringAsync("/support-organisations?ward=27127"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/support-organisations/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/support-organisations/compare?ids={draft}&ids={published}")).StatusCode);
        Assert.Contains("2023年度: 北区・中央区の6協議会で会計ソフト導入を支援", await client.GetStringAsync($"/support-organisations/{published}"));
    }

    [Fact]
    public async Task The_list_filters_by_ward_and_service_and_rejects_unknown_values()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        var kita = await client.GetStringAsync("/support-organisations?ward=27127");
        Assert.Contains("きた・みやこ地域サポートネット", kita);
        Assert.DoesNotContain("ベイエリアコミュニティ支援機構", kita);
        var incorporation = await client.GetStringAsync("/support-organisations?service=IncorporationAndCertification");
        Assert.Contains("ベイエリアコミュニティ支援機構", incorporation);
        Assert.DoesNotContain("ひがしリンク", incorporation);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/support-organisations?service=Cooking")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/support-organisations?ward=99999")).StatusCode);
    }

    [Fact]
    public async Task The_search_source_returns_published_profiles_only()
    {
        await using var host = await PortalTestHost.StartAsync();
        var draft = await host.ProfileIdAsync(YodogawaCenter);
        var published = await host.ProfileIdAsync(MachizukuriLab);
        await using var scope = host.CreateScope();
        var source = scope.ServiceProvider.GetServices<ISearchDocumentSource>().OfType<SupportSearchSource>().Single();

        var all = new List<SearchDocument>();
        await foreach (var document in source.LoadAllAsync(CancellationToken.None))
            all.Add(document);

        Assert.Equal("中間支援組織", source.ContentTypes[SupportProfile.SearchType]);
        Assert.Equal(5, all.Count);
        Assert.DoesNotContain(all, d => d.Key == draft.ToString());
        Assert.All(all, d => Assert.True(d.Audience.IsPublic));
        Assert.Null(await source.LoadAsync(SupportProfile.SearchType, draft.ToString(), CancellationToken.None));
        var document1 = await source.LoadAsync(SupportProfile.SearchType, published.ToString(), CancellationToken.None);
        Assert.Equal($"/support-organisations/{published}", document1!.Path);
        Assert.Equal("27106", document1.WardCode); // 西区 comes first, in ward order, of the wards it covers
    }

    [Fact]
    public async Task Saving_a_profile_writes_a_change_log_row_for_the_index()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(SupportUser);
        var id = await host.ProfileIdAsync(MachizukuriLab);
        var version = (await host.ProfileAsync(id)).Version.ToString();
        Task<int> ChangeRows() => host.QueryAsync(db => db.ContentChanges.CountAsync(c => c.ContentType == SupportProfile.SearchType && c.ContentKey == id.ToString()));
        var before = await ChangeRows();

        var unpublish = ProfileForm("索引に載る紹介", version: version).Where(f => f.Key != "Input.IsPublished").ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/staff/support-profile", unpublish)).StatusCode);

        Assert.Equal(before + 1, await ChangeRows());
        await using var scope = host.CreateScope();
        var source = scope.ServiceProvider.GetServices<ISearchDocumentSource>().OfType<SupportSearchSource>().Single();
        Assert.Null(await source.LoadAsync(SupportProfile.SearchType, id.ToString(), CancellationToken.None)); // unpublished now
    }
}
