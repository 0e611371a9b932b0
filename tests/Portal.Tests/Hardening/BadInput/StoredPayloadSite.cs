using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// A fresh site where script, markup and control characters were saved through every form that accepts free text (as
/// the forms' own users), plus the pages, feeds and APIs that show them, for the HTTP and browser checks.
/// </summary>
public sealed class StoredPayloadSite : IAsyncLifetime
{
    public StoredPayloadSite() : this(null) { }

    private StoredPayloadSite(IDictionary<string, string?>? settings) => Site = new CorpusSite { Settings = settings };

    /// <summary>The same site on another database (e.g. PostgreSQL); the caller initialises and disposes it.</summary>
    public static StoredPayloadSite On(IDictionary<string, string?> settings) => new(settings);

    public CorpusSite Site { get; }
    public PortalTestHost Host => Site.Host;

    /// <summary>What each save answered (form → status and, for a redirect, where to).</summary>
    public Dictionary<string, HttpResponseMessage> Saves { get; } = [];

    /// <summary>Pages for residents (no sign-in).</summary>
    public List<string> PublicPages { get; } = [];

    /// <summary>Pages for staff, opened by the administrator.</summary>
    public List<string> StaffPages { get; } = [];

    /// <summary>Feeds, files and JSON (never HTML).</summary>
    public List<string> Machine { get; } = [];

    /// <summary>Saves of rich text that grows when it is sanitised ("<" becomes "&lt;") to beyond its column.</summary>
    public List<(string Form, HttpResponseMessage Response)> Expansions { get; } = [];

    public int CouncilId { get; private set; }
    public int MeetingId { get; private set; }
    public int TaskForceId { get; private set; }
    public int VoiceId { get; private set; }
    public int UpdateId { get; private set; }

    public async Task InitializeAsync()
    {
        await Site.InitializeAsync();

        var council = await SaveAsync("councils.create", new() { ["Input.Latitude"] = "34.7050", ["Input.Longitude"] = "135.5100", ["Input.IsPublished"] = "true" });
        CouncilId = IdFrom(council, "/councils/");

        await SaveAsync("updates.create", new() { ["intent"] = "publish" });
        UpdateId = await Host.QueryAsync(db => db.Set<Portal.Modules.DistrictCouncils.Models.CouncilUpdate>().MaxAsync(u => u.Id));

        var meeting = await SaveAsync("meetings.create", new()
        {
            ["Input.IsPublic"] = "true",
            ["Input.Agenda"] = "14:00 " + Payloads.Full + "\n14:30 " + Payloads.Medium + " @kita-welfare",
        }, text => text != "Input.Agenda");
        MeetingId = IdFrom(meeting, "/meetings/");
        await SaveAsync("meetings.attendance", new() { ["Rows[0].Count"] = "3" }, page: $"/staff/meetings/{MeetingId}/attendance",
            extraText: f => f.Fields.Where(x => x.Key.EndsWith(".Names")).Select(x => x.Key));
        await SaveAsync("meetings.minutes", new() { ["intent"] = "publish" }, page: $"/staff/meetings/{MeetingId}/minutes");

        var taskForce = await SaveAsync("taskforces.create", new()
        {
            ["Input.IsPublic"] = "true",
            ["Input.WorkingGroups"] = Payloads.Full + "\n" + Payloads.Medium,
        }, text => text != "Input.WorkingGroups");
        TaskForceId = IdFrom(taskForce, "/taskforces/");
        await SaveAsync("taskforces.session-create", new() { ["Input.Decisions"] = Payloads.Full + "\n" + Payloads.Short },
            text => text != "Input.Decisions", page: $"/staff/taskforces/{TaskForceId}/sessions/edit");
        await SaveAsync("taskforces.action-create", [], page: $"/staff/taskforces/{TaskForceId}/actions/edit");

        var voice = await SaveAsync("voice.create", new() { ["Input.IsPublic"] = "true" });
        VoiceId = IdFrom(voice, "/staff/voice/");
        await SaveAsync("voice.handle", new() { ["Input.StatusId"] = "{status:回答済み}", ["Input.IsPublic"] = "true" }, page: $"/staff/voice/{VoiceId}");
        await SaveAsync("voice.department", []);
        await SaveAsync("voice.settings-category", []);
        await SaveAsync("voice.settings-status", []);

        await SaveAsync("support.profile", new() { ["Input.IsPublished"] = "true" });
        await SaveAsync("support.choice", []);

        Expansions.Add(("updates.create", await TrySaveAsync("updates.create",
            new() { ["Input.Title"] = "記号だけの本文", ["Input.Body"] = new string('<', EditUpdateMax), ["intent"] = "publish" }, _ => false)));
        Expansions.Add(("meetings.minutes", await TrySaveAsync("meetings.minutes",
            new() { ["Input.Body"] = new string('&', EditMinutesMax), ["intent"] = "publish" }, _ => false, page: $"/staff/meetings/{MeetingId}/minutes")));

        var profile = await Site.LookupAsync("profile:support-machizukuri-lab");
        var session = await Host.QueryAsync(db => db.Set<Portal.Modules.TaskForces.Models.TaskForceSession>().Where(s => s.TaskForceId == TaskForceId).Select(s => s.Id).FirstAsync());
        var action = await Host.QueryAsync(db => db.Set<Portal.Modules.TaskForces.Models.ActionItem>().Where(a => a.TaskForceId == TaskForceId).Select(a => a.Id).FirstAsync());
        var kitaCouncil = await Site.LookupAsync($"council:{FormCorpus.KitaCouncil}");

        PublicPages.AddRange(
        [
            "/", "/councils", "/councils?ward=27127", $"/councils/{CouncilId}", $"/councils/{kitaCouncil}", $"/councils/{kitaCouncil}/updates/{UpdateId}",
            "/councils/map?ward=27127", "/meetings", "/meetings?ward=27127", $"/meetings/{MeetingId}", "/opendata", "/taskforces", $"/taskforces/{TaskForceId}",
            "/voice", "/voice?ward=27127", $"/voice/{VoiceId}", "/support-organisations", "/support-organisations?ward=27127", $"/support-organisations/{profile}",
            $"/support-organisations/compare?ids={profile}&ids={await Site.LookupAsync("profile:support-kita-miyako-net")}",
            "/search?q=img", "/search?q=script", "/search?q=onerror", "/search?q=alert", "/search?q=svg",
        ]);
        StaffPages.AddRange(
        [
            "/staff/councils", $"/staff/councils/edit/{CouncilId}", $"/staff/updates/edit/{UpdateId}", $"/staff/updates/{UpdateId}/history",
            "/staff/meetings", $"/staff/meetings/edit/{MeetingId}", $"/staff/meetings/{MeetingId}/attendance", $"/staff/meetings/{MeetingId}/minutes",
            $"/staff/meetings/{MeetingId}/minutes/history", $"/staff/taskforces/edit/{TaskForceId}", $"/staff/taskforces/{TaskForceId}/sessions/edit/{session}",
            $"/staff/taskforces/{TaskForceId}/actions/edit/{action}", $"/taskforces/{TaskForceId}", "/taskforces/overdue", "/staff/voice", $"/staff/voice/{VoiceId}",
            $"/staff/voice/edit/{VoiceId}", "/staff/voice/settings", "/staff/voice/routing?ward=27127", "/staff/support-choices?ward=27127",
            $"/staff/support-choices/councils/{await Site.LookupAsync("council:済美地域活動協議会")}", $"/staff/support-profile/{profile}",
            "/digests/subscriptions", "/admin/digests", "/admin/search", "/search?q=img",
        ]);
        Machine.AddRange(
        [
            "/councils/feeds/updates.atom", "/councils/feeds/ward/27127.atom", $"/meetings/{MeetingId}.ics", "/meetings/feeds/ward/27127.ics",
            "/meetings/feeds/organisation/kita-ward-office.ics", "/opendata/meetings.csv", "/opendata/meetings.csv?ward=27127", "/api/councils?ward=27127",
            $"/api/councils/{CouncilId}", $"/api/councils/{kitaCouncil}", "/api/councils/geojson?ward=27127", "/api/search?q=img", "/api/search?q=alert",
        ]);
    }

    public Task DisposeAsync() => Site.DisposeAsync();

    /// <summary>
    /// Opens every page (residents' without signing in, staff pages as the administrator), feed and API: what is wrong
    /// with them, empty when nothing is. A page must answer 200 and show no payload unescaped; a feed, file or JSON must
    /// answer 200 and never be served as HTML.
    /// </summary>
    public async Task<List<string>> CheckPagesAsync()
    {
        var failures = new List<string>();
        using var resident = Host.CreateClient();
        var admin = await Site.ClientAsync(TestUsers.Admin);
        foreach (var (client, url) in PublicPages.Select(u => (resident, u)).Concat(StaffPages.Select(u => (admin, u))))
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"{url} answered {(int)response.StatusCode}");
            foreach (var raw in Payloads.Raw.Where(r => html.Contains(r, StringComparison.OrdinalIgnoreCase)))
                failures.Add($"{url} shows {raw} unescaped");
        }
        foreach (var url in Machine)
        {
            using var response = await resident.GetAsync(url);
            var media = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"{url} answered {(int)response.StatusCode}: {BadInputCases.Short(await response.Content.ReadAsStringAsync())}");
            else if (media is null or "text/html")
                failures.Add($"{url} is served as {media ?? "nothing"}");
        }
        return failures;
    }

    private const int EditUpdateMax = 20000;
    private const int EditMinutesMax = 50000;

    /// <summary>
    /// Renders a form as its user sees it, puts a payload into every free-text field (or those <paramref name="textFields"/>
    /// picks) and saves it; anything but a save fails the fixture, with the form's messages.
    /// </summary>
    private async Task<HttpResponseMessage> SaveAsync(
        string name, Dictionary<string, string> values, Func<string, bool>? textFields = null, string? page = null,
        Func<HtmlForm, IEnumerable<string>>? extraText = null)
    {
        var response = await TrySaveAsync(name, values, textFields, page, extraText);
        Saves[name] = response;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            var message = Regex.Match(body, "<div class=\"alert alert-error validation-summary-errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
            var main = body.IndexOf("<main", StringComparison.Ordinal);
            throw new InvalidOperationException($"{name}: saving the payloads answered {(int)response.StatusCode}: {(message.Success ? message.Groups[1].Value : main >= 0 ? body[main..Math.Min(body.Length, main + 600)] : body)}");
        }
        return response;
    }

    private async Task<HttpResponseMessage> TrySaveAsync(
        string name, Dictionary<string, string> values, Func<string, bool>? textFields = null, string? page = null,
        Func<HtmlForm, IEnumerable<string>>? extraText = null)
    {
        var spec = FormCorpus.Get(name);
        Site.ForgetPages();
        var (form, fields) = await BadInputCases.RenderAsync(Site, spec, spec.User, page ?? spec.Page, null, spec.Fill);
        foreach (var (field, max) in spec.Text.Where(t => textFields?.Invoke(t.Key) ?? true))
            fields.Set(field, Payloads.For(field, max));
        foreach (var field in extraText?.Invoke(form) ?? [])
            fields.Set(field, Payloads.Full);
        foreach (var (field, value) in values)
            fields.Set(field, await Site.ResolveAsync(value));

        var client = await Site.ClientAsync(spec.User);
        fields.Add(new("__RequestVerificationToken", await Site.TokenAsync(client, spec.User is not null)));
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, await Site.ResolveAsync(form.Action)) { Content = new FormUrlEncodedContent(fields) });
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static int IdFrom(HttpResponseMessage response, string prefix)
    {
        var location = response.Headers.Location!.OriginalString;
        var path = location.Split('?', '#')[0];
        return int.Parse(path[(path.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..].Split('/')[0]);
    }

    /// <summary>
    /// Every stored string fits its column as the model declares it: PostgreSQL enforces the length (a longer value is a
    /// 500 there), SQLite does not, so the check is made here for both.
    /// </summary>
    public static async Task<List<string>> OverlongColumnsAsync(PortalTestHost host)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var problems = new List<string>();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
                {
                    await using var command = connection.CreateCommand();
                    var column = sql.DelimitIdentifier(property.GetColumnName(table)!);
                    command.CommandText = $"SELECT MAX(LENGTH({column})) FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
                    if (await command.ExecuteScalarAsync() is long longest && longest > property.GetMaxLength())
                        problems.Add($"{table.Name}.{property.Name}: {longest} > {property.GetMaxLength()}");
                }
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
        return problems;
    }
}
