using System.Net;
using Portal.Tests.Hardening.BadInput;

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
