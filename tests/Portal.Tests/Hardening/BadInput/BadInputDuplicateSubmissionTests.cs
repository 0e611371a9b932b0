using System.Net;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// Every form submitted twice with the same fields and token, as a double click or a resent form does. The first send
/// must save (which also proves the corpus's valid submission of each form is valid); the second must never fail the
/// server, must not create a second row where the form means one, and must say clearly what happened: it leads where
/// the first one did, says the name is taken, or refuses a stale version with the conflict message and changes nothing.
/// </summary>
public class BadInputDuplicateSubmissionTests(CorpusSite site) : IClassFixture<CorpusSite>
{
    public static readonly Duplicate[] All =
    [
        new("councils.create", "DistrictCouncil", 1, Second.SameRedirect),
        new("updates.create", "CouncilUpdate", 1, Second.Redirect),
        new("meetings.create", "Meeting", 1, Second.SameRedirect),
        new("taskforces.create", "TaskForce", 1, Second.SameRedirect),
        new("taskforces.session-create", "TaskForceSession", 1, Second.SameRedirect),
        new("taskforces.action-create", "ActionItem", 1, Second.SameRedirect),
        new("voice.create", "VoiceItem", 1, Second.SameRedirect),
        new("voice.department", "VoiceDepartment", 1, Second.NameTaken),
        new("voice.settings-category", "VoiceCategory", 1, Second.NameTaken),
        new("voice.settings-status", "VoiceStatus", 1, Second.NameTaken),
        new("support.choice", "SupportChoice", 1, Second.Redirect),
        new("digests.subscribe", "DigestSubscription", 1, Second.Redirect),
        // The same status change twice: the second finds it done.
        new("taskforces.status", "ActionItem", 0, Second.SameRedirect),
        new("digests.frequency", "DigestSubscription", 0, Second.Redirect),
        // Edit forms carry the version they were rendered from: the second send is stale and must change nothing.
        new("taskforces.session-edit", "Decision", 0, Second.Conflict) { Values = { ["Input.Summary"] = "二度送信された概要" } },
        new("councils.edit", "DistrictCouncil", 0, Second.Conflict) { Values = { ["Input.Area"] = "二度送信された地域" } },
        new("updates.edit", "CouncilUpdateRevision", 1, Second.Conflict) { Values = { ["Input.Title"] = "二度送信された活動報告" } },
        new("meetings.edit", "Meeting", 0, Second.Conflict) { Values = { ["Input.Place"] = "二度送信された会場" } },
        new("meetings.attendance", "MeetingParticipant", 0, Second.Conflict) { Values = { ["Rows[0].Count"] = "7" } },
        new("meetings.minutes", "MinutesRevision", 1, Second.Conflict) { Values = { ["Input.Body"] = "<p>二度送信された議事録</p>" } },
        new("taskforces.edit", "TaskForce", 0, Second.Conflict) { Values = { ["Input.Description"] = "二度送信された概要" } },
        new("taskforces.action-edit", "ActionItem", 0, Second.Conflict) { Values = { ["Input.Description"] = "二度送信されたアクション" } },
        new("voice.edit", "VoiceItem", 0, Second.Conflict) { Values = { ["Input.AreaName"] = "二度送信された地域" } },
        new("voice.handle", "VoiceItemHistory", 1, Second.Conflict) { Values = { ["Input.StatusId"] = "{status:担当課確認中}", ["Input.Note"] = "二度送信されたメモ" } },
        new("support.profile", "SupportProfile", 0, Second.Conflict) { Values = { ["Input.Staff"] = "二度送信されたスタッフ" } },
    ];

    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var duplicate in All) data.Add(duplicate.Form);
        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task The_same_form_sent_twice_saves_once_and_answers_clearly(string form)
    {
        var duplicate = All.Single(d => d.Form == form);
        var spec = FormCorpus.Get(form);
        site.ForgetPages();
        var (rendered, fields) = await BadInputCases.RenderAsync(site, spec, spec.User, spec.Page, null, spec.Fill);
        foreach (var (name, value) in duplicate.Values)
            fields.Set(name, await site.ResolveAsync(value));
        var client = await site.ClientAsync(spec.User);
        fields.Add(new("__RequestVerificationToken", await site.TokenAsync(client, spec.User is not null)));
        var url = await site.ResolveAsync(rendered.Action);
        var before = await DatabaseSnapshot.TakeAsync(site.Host);

        using var first = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
        Assert.True(first.StatusCode == HttpStatusCode.Redirect,
            $"{form}: the corpus's valid submission answered {(int)first.StatusCode}: {Messages(await first.Content.ReadAsStringAsync())}");
        var afterFirst = await DatabaseSnapshot.TakeAsync(site.Host);

        using var second = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
        var body = await second.Content.ReadAsStringAsync();
        var afterSecond = await DatabaseSnapshot.TakeAsync(site.Host);

        Assert.True((int)second.StatusCode < 500, $"{form}: the second send answered {(int)second.StatusCode}");
        switch (duplicate.Second)
        {
            case Second.SameRedirect:
                Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"{form}: the second send answered {(int)second.StatusCode}: {Messages(body)}");
                Assert.Equal(first.Headers.Location, second.Headers.Location);
                break;
            case Second.Redirect:
                Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"{form}: the second send answered {(int)second.StatusCode}: {Messages(body)}");
                break;
            case Second.NameTaken:
                Assert.Equal(HttpStatusCode.OK, second.StatusCode);
                Assert.Contains("すでに", Messages(body));
                Assert.Equal("", afterSecond.DifferencesFrom(afterFirst));
                break;
            case Second.Conflict:
                Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
                Assert.Contains("他の人が先に", Messages(body));
                Assert.Equal("", afterSecond.DifferencesFrom(afterFirst));
                break;
        }
        Assert.Equal(before.Count(duplicate.Table) + duplicate.Added, afterSecond.Count(duplicate.Table));
    }

    /// <summary>Names are unique: the same name sent three times at once (an impatient triple click) is one row and no 5xx.</summary>
    [Theory]
    [InlineData("voice.department", "VoiceDepartment", "同時送信テスト課")]
    [InlineData("voice.settings-category", "VoiceCategory", "同時送信テスト分類")]
    [InlineData("voice.settings-status", "VoiceStatus", "同時送信テスト状況")]
    public async Task The_same_name_sent_at_once_is_saved_once(string form, string table, string name)
    {
        var spec = FormCorpus.Get(form);
        site.ForgetPages();
        var (rendered, fields) = await BadInputCases.RenderAsync(site, spec, spec.User, spec.Page, null, spec.Fill);
        fields.Set(spec.Text.Keys.Single(), name);
        var client = await site.ClientAsync(spec.User);
        fields.Add(new("__RequestVerificationToken", await site.TokenAsync(client, true)));
        var url = await site.ResolveAsync(rendered.Action);
        var before = await DatabaseSnapshot.TakeAsync(site.Host);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) })));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{form} answered {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(before.Count(table) + 1, (await DatabaseSnapshot.TakeAsync(site.Host)).Count(table));
    }

    /// <summary>The validation summary's text, to say why a form was refused.</summary>
    private static string Messages(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "validation-summary-errors\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : BadInputCases.Short(html);
    }
}
