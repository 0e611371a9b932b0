using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>
/// Bad input gets a clear message (the form again, or 400/404 problem+json for the API), never a 500, and is never stored.
/// The shared site is only read: every save here must be refused.
/// </summary>
public class ValidationTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    private PortalTestHost Host => site.Host;

    public static TheoryData<string, string, string> BadUpdates => new()
    {
        { "missing title", "", "タイトルを入力してください。" },
        { "title of 201 characters", new string('長', 201), "タイトルは200文字以内で入力してください。" },
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public async Task New_update_with_a_bad_title_is_shown_again_with_the_message_and_not_stored(string _, string title, string message)
    {
        var council = await Host.KitaCouncilAsync();
        var before = await Host.UpdateCountAsync();
        using var staff = Host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);

        var response = await staff.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}", PortalData.UpdateForm(title, "<p>本文</p>", Guid.Empty, "publish"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains(message, html);
        Assert.Contains("<form method=\"post\"", html);
        Assert.Equal(before, await Host.UpdateCountAsync());
    }

    [Fact]
    public async Task Edit_of_an_update_with_a_malformed_version_is_refused_with_a_message()
    {
        var council = await Host.KitaCouncilAsync();
        var update = await Host.PublishedUpdateAsync(council.Id, "kita-community");
        var revisions = await Host.RevisionCountAsync();
        using var staff = Host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);

        var response = await staff.SubmitFormAsync($"/staff/updates/edit/{update.Id}",
        [
            new("Input.Title", "版が壊れた保存"), new("Input.Body", ""), new("Input.Version", "not-a-guid"), new("intent", "publish"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("「not-a-guid」は", await response.BodyAsync());
        var stored = await Host.UpdateAsync(update.Id);
        Assert.Equal((update.Title, update.Version), (stored.Title, stored.Version));
        Assert.Equal(revisions, await Host.RevisionCountAsync());
    }

    [Fact]
    public async Task Update_saved_with_an_unknown_intent_is_refused_with_a_message()
    {
        var council = await Host.KitaCouncilAsync();
        var before = await Host.UpdateCountAsync();
        using var staff = Host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);

        var response = await staff.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}", PortalData.UpdateForm("正しいタイトル", "", Guid.Empty, "delete-everything"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("保存の種類が正しくありません。", await response.BodyAsync());
        Assert.Equal(before, await Host.UpdateCountAsync());
    }

    public static TheoryData<string, string, string, string> BadCouncils => new()
    {
        { "invalid email", "Input.ContactEmail", "not-an-email", "メールアドレスの形式が正しくありません。" },
        { "latitude without longitude", "Input.Longitude", "", "緯度と経度は両方入力するか、両方空欄にしてください。" },
        { "latitude out of range", "Input.Latitude", "91", "緯度は-90から90の範囲で入力してください。" },
        { "unknown activity field", "Input.Fields", "Nope", "「Nope」は" },
        { "activity field that is not one of the six", "Input.Fields", "None", "活動分野の値が正しくありません。" },
        { "unknown ward", "Input.WardCode", "99999", "区を選択してください。" },
        { "ward of another organisation", "Input.WardCode", PortalData.ChuoWard, "自組織の区の協議会だけを登録・編集できます。" },
        { "malformed version", "Input.Version", "not-a-guid", "「not-a-guid」は" },
        { "letters for a latitude", "Input.Latitude", "north", "「north」は緯度として正しくありません。" },
        { "missing name", "Input.Name", "", "名称を入力してください。" },
    };

    [Theory]
    [MemberData(nameof(BadCouncils))]
    public async Task Council_profile_with_bad_input_is_shown_again_with_the_message_and_not_stored(string _, string field, string value, string message)
    {
        var council = await Host.KitaCouncilAsync();
        using var staff = Host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);

        var form = PortalData.CouncilForm(council, f =>
        {
            f["Input.Name"] = "保存されてはいけない名前";
            f[field] = value;
        });
        var response = await staff.SubmitFormAsync($"/staff/councils/edit/{council.Id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains(message, html);
        Assert.Contains("alert-error", html);
        var stored = await Host.CouncilAsync(council.Id);
        Assert.Equal((council.Name, council.Version, council.ContactEmail, council.Latitude, council.WardId),
            (stored.Name, stored.Version, stored.ContactEmail, stored.Latitude, stored.WardId));
    }

    [Theory]
    [InlineData("/councils/abc")]
    [InlineData("/councils/1/updates/abc")]
    [InlineData("/staff/councils/edit/abc")]
    [InlineData("/staff/updates/edit/abc")]
    [InlineData("/staff/updates/abc/history")]
    [InlineData("/councils/999999")]
    [InlineData("/councils?ward=99999")]
    public async Task Malformed_or_unknown_ids_in_the_url_answer_404_pages(string url)
    {
        using var staff = Host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        var response = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.BodyAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/councils")]
    [InlineData("/councils/{council}")]
    [InlineData("/councils/{council}/updates/{update}")]
    public async Task Posting_to_a_read_only_page_answers_405_not_500(string template)
    {
        var council = await Host.KitaCouncilAsync();
        var update = await Host.PublishedUpdateAsync(council.Id, "kita-community");
        var url = template.Replace("{council}", council.Id.ToString()).Replace("{update}", update.Id.ToString());
        using var resident = Host.CreateClient();
        var response = await resident.PostWithTokenFromAsync("/account/login", url, [new("Input.Title", "x")]);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("ホームへ戻る", System.Text.RegularExpressions.Regex.Match(await response.BodyAsync(), "<a href=\"/\">([^<]+)</a></p>").Groups[1].Value);
    }

    [Theory]
    [InlineData("/councils?field=nope", "is not an activity field")]
    [InlineData("/councils?p=-1", "page must be a whole number from 1.")]
    [InlineData("/councils?p=abc", "page must be a whole number from 1.")]
    public async Task Bad_council_list_queries_answer_400_with_the_message(string url, string message)
    {
        using var resident = Host.CreateClient();
        var response = await resident.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains(message, html);
        Assert.Contains("区から探す", html);
    }

    [Theory]
    [InlineData("/api/councils?page=abc", "page")]
    [InlineData("/api/councils?page=0", "page")]
    [InlineData("/api/councils?field=nope", "field")]
    [InlineData("/api/councils?ward=1234567", "ward")]
    public async Task Bad_api_queries_answer_400_problem_details_naming_the_parameter(string url, string parameter)
    {
        using var resident = Host.CreateClient();
        var problem = await (await resident.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").GetProperty(parameter).GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/api/councils?ward=99999")]
    [InlineData("/api/councils/abc")]
    [InlineData("/api/councils/999999")]
    public async Task Unknown_api_resources_answer_404_problem_details(string url)
    {
        using var resident = Host.CreateClient();
        await (await resident.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
