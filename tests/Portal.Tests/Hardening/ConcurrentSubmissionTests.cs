using System.Net;
using Portal.Tests.Hardening.BadInput;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>
/// "A form sent twice at the same instant saves once, enforced by the database": each create form is rendered once (one
/// antiforgery token, one submission key) and then sent 20 times truly at once, over 20 connections opened beforehand
/// and released together by one gate. Exactly one row may appear, and every send is answered as the sequential repeat
/// is (<see cref="BadInputDuplicateSubmissionTests"/>): the same redirect, or the form with "the name is taken".
/// </summary>
public static class ConcurrentSubmissions
{
    public const int Senders = 20;

    /// <summary>The create forms, their tables, and how the sends that lose the race are answered.</summary>
    public static readonly (string Form, string Table, Second Losers)[] Forms =
    [
        ("councils.create", "DistrictCouncil", Second.SameRedirect),
        ("updates.create", "CouncilUpdate", Second.Redirect),
        ("meetings.create", "Meeting", Second.SameRedirect),
        ("taskforces.create", "TaskForce", Second.SameRedirect),
        ("taskforces.session-create", "TaskForceSession", Second.SameRedirect),
        ("taskforces.action-create", "ActionItem", Second.SameRedirect),
        ("voice.create", "VoiceItem", Second.SameRedirect),
        ("digests.subscribe", "DigestSubscription", Second.Redirect),
    ];

    public static TheoryData<string> FormNames()
    {
        var data = new TheoryData<string>();
        foreach (var form in Forms) data.Add(form.Form);
        return data;
    }

    /// <summary>Races one form; returns what went wrong (empty: saved once, every send answered clearly).</summary>
    public static async Task<string> RaceAsync(CorpusSite site, string formName)
    {
        var (_, table, losers) = Forms.Single(f => f.Form == formName);
        var spec = FormCorpus.Get(formName);
        site.ForgetPages();
        // The one rendering of the form: its fields carry the submission key it was rendered with.
        var (rendered, fields) = await BadInputCases.RenderAsync(site, spec, spec.User, spec.Page, null, spec.Fill);
        fields.Add(new("__RequestVerificationToken", rendered.Value("__RequestVerificationToken")!));
        var url = await site.ResolveAsync(rendered.Action);
        var user = await site.ClientAsync(spec.User);

        // One connection per sender, opened (and the server's side of it accepted) before the gate opens.
        var senders = Enumerable.Range(0, Senders).Select(_ => new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = user.Cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        }) { BaseAddress = site.Host.BaseAddress }).ToList();
        try
        {
            await Task.WhenAll(senders.Select(async s => (await s.GetAsync("/robots.txt")).Dispose()));
            var before = (await DatabaseSnapshot.TakeAsync(site.Host)).Count(table);

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = senders.Select(async s =>
            {
                var content = new FormUrlEncodedContent(fields);
                await content.LoadIntoBufferAsync();
                await gate.Task;
                var response = await s.PostAsync(url, content);
                return (response.StatusCode, response.Headers.Location, Body: await response.Content.ReadAsStringAsync());
            }).ToList();
            gate.SetResult();
            var answers = await Task.WhenAll(sends);

            var after = (await DatabaseSnapshot.TakeAsync(site.Host)).Count(table);
            var problems = new List<string>();
            if (after - before != 1)
                problems.Add($"{formName}: {Senders} simultaneous sends added {after - before} rows to {table}");
            foreach (var (status, _, body) in answers.Where(a => (int)a.StatusCode >= 500))
                problems.Add($"{formName}: a send answered {(int)status}: {BadInputCases.Short(body)}");
            var redirects = answers.Where(a => a.StatusCode == HttpStatusCode.Redirect).ToList();
            var others = answers.Where(a => a.StatusCode != HttpStatusCode.Redirect && (int)a.StatusCode < 500).ToList();
            switch (losers)
            {
                case Second.SameRedirect or Second.Redirect when others.Count > 0:
                    problems.Add($"{formName}: {others.Count} sends were not redirected but answered {(int)others[0].StatusCode}: {BadInputCases.Short(others[0].Body)}");
                    break;
                case Second.SameRedirect when redirects.Select(r => r.Location).Distinct().Count() > 1:
                    problems.Add($"{formName}: the sends were sent to different rows: {string.Join(", ", redirects.Select(r => r.Location).Distinct())}");
                    break;
                case Second.NameTaken when redirects.Count != 1 || others.Any(o => o.StatusCode != HttpStatusCode.OK || !o.Body.Contains("すでに")):
                    problems.Add($"{formName}: {redirects.Count} sends saved; the others answered {string.Join(", ", others.Select(o => (int)o.StatusCode).Distinct())}"
                        + (others.FirstOrDefault(o => !o.Body.Contains("すでに")).Body is { } unclear ? ": " + BadInputCases.Short(unclear) : ""));
                    break;
            }
            return string.Join("\n", problems);
        }
        finally
        {
            foreach (var sender in senders) sender.Dispose();
        }
    }
}

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

[Collection(PostgresCollection.Name)]
public class ConcurrentSubmissionPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Every_create_form_sent_20_times_at_the_same_instant_saves_once_on_PostgreSQL()
    {
        var site = new CorpusSite { Settings = await server.HostSettingsAsync() };
        try
        {
            await site.InitializeAsync();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await site.Host.QueryAsync(db => Task.FromResult(db.Database.ProviderName)));
            var problems = new List<string>();
            foreach (var (form, _, _) in ConcurrentSubmissions.Forms)
                problems.Add(await ConcurrentSubmissions.RaceAsync(site, form));
            var report = string.Join("\n", problems.Where(p => p.Length > 0));
            Assert.True(report.Length == 0, report);
        }
        finally
        {
            await site.DisposeAsync();
        }
    }
}
