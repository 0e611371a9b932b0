using System.Net;
using Portal.Tests.Hardening.BadInput;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

public class ConcurrentSubmissionTests(CorpusSite site) : IClassFixture<CorpusSite>
{
    [Theory]
    [MemberData(nameof(ConcurrentSubmissions.FormNames), MemberType = typeof(ConcurrentSubmissions))]
    public async Task A_form_sent_20_times_at_the_same_instant_saves_once(string form)
    {
        var problems = await ConcurrentSubmissions.RaceAsync(site, form);
        Assert.True(problems.Length == 0, problems);
    }

    /// <summary>
    /// Without its one-time key a send cannot be told from a repeat: it is refused with a form error (never a 5xx), saves
    /// nothing, and the form shown again carries a fresh key, so sending it again saves.
    /// </summary>
    [Theory]
    [InlineData("updates.create", "CouncilUpdate", "")]
    [InlineData("meetings.create", "Meeting", "not-a-guid")]
    [InlineData("taskforces.session-create", "TaskForceSession", "00000000-0000-0000-0000-000000000000")]
    [InlineData("taskforces.action-create", "ActionItem", null)]
    [InlineData("voice.create", "VoiceItem", "")]
    [InlineData("councils.create", "DistrictCouncil", "not-a-guid")]
    [InlineData("taskforces.create", "TaskForce", null)]
    public async Task A_create_form_without_a_usable_submission_key_is_refused_clearly_and_saves_nothing(string form, string table, string? key)
    {
        var (fields, url, client) = await RenderAsync(form);
        // Councils and task forces are unique by name: this test's row must not take the name the race test sends.
        if (fields.Any(f => f.Key == "Input.Name")) fields.Set("Input.Name", "鍵のない送信のテスト");
        if (key is null) fields.Without(PortalClient.SubmissionKeyField);
        else fields.Set(PortalClient.SubmissionKeyField, key);
        var before = (await DatabaseSnapshot.TakeAsync(site.Host)).Count(table);

        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("このフォームの送信を確認できませんでした。", page);
        Assert.Equal(before, (await DatabaseSnapshot.TakeAsync(site.Host)).Count(table));
        var fresh = PortalClient.InputValue(page, PortalClient.SubmissionKeyField);
        Assert.True(Guid.TryParse(fresh, out var freshKey) && freshKey != Guid.Empty, $"the form shown again carries the key \"{fresh}\"");

        using var resent = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
            { Content = new FormUrlEncodedContent(fields.Set(PortalClient.SubmissionKeyField, fresh)) });
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(before + 1, (await DatabaseSnapshot.TakeAsync(site.Host)).Count(table));
    }

    /// <summary>A key is one user's: another user sending the same key saves a row of their own and is not led to the first one's.</summary>
    [Fact]
    public async Task A_submission_key_sent_by_another_user_saves_that_users_own_row()
    {
        var (fields, url, client) = await RenderAsync("meetings.create");
        var before = (await DatabaseSnapshot.TakeAsync(site.Host)).Count("Meeting");
        using var first = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

        var admin = await site.ClientAsync(TestUsers.Admin);
        fields.Set("__RequestVerificationToken", await site.TokenAsync(admin, true));
        fields.Set("Input.OrganiserId", await site.ResolveAsync("{org:kita-ward-office}"));
        using var other = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        Assert.Equal(before + 2, (await DatabaseSnapshot.TakeAsync(site.Host)).Count("Meeting"));
    }

    /// <summary>The corpus's valid fields of a freshly rendered form (with its token and key), its action and its user's client.</summary>
    private async Task<(List<KeyValuePair<string, string>> Fields, string Url, PortalClient Client)> RenderAsync(string form)
    {
        var spec = FormCorpus.Get(form);
        site.ForgetPages();
        var (rendered, fields) = await BadInputCases.RenderAsync(site, spec, spec.User, spec.Page, null, spec.Fill);
        Assert.NotNull(rendered.Value(PortalClient.SubmissionKeyField));
        fields.Add(new("__RequestVerificationToken", rendered.Value("__RequestVerificationToken")!));
        return (fields, await site.ResolveAsync(rendered.Action), await site.ClientAsync(spec.User));
    }
}
