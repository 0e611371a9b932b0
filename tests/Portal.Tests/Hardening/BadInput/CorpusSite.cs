using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// A site seeded by the default recipe for the bad-input corpus: one signed-in client per demo user (kept for the whole
/// class), lookups of the demo data the forms need, and two digest subscriptions (kita-ward's own and chuo-ward's) so
/// the subscription forms have something to change, and a suspended digest run for the resend form.
/// </summary>
public sealed class CorpusSite : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PortalClient>>> _clients = new();
    private readonly ConcurrentDictionary<PortalClient, string> _tokens = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _lookups = new();
    private readonly ConcurrentDictionary<(string? User, string Url), string> _pages = new();
    private DatabaseSnapshot? _snapshot;
    private Microsoft.Data.Sqlite.SqliteConnection? _watch;
    private long _dataVersion;

    public PortalTestHost Host { get; private set; } = null!;

    /// <summary>Host settings, e.g. another database (default: a fresh SQLite file).</summary>
    public IDictionary<string, string?>? Settings { get; init; }

    public async Task InitializeAsync()
    {
        Host = await PortalTestHost.StartAsync(Settings);
        await using var scope = Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var kitaWard = await db.Wards.SingleAsync(w => w.Code == PortalData.KitaWard);
        var chuoWard = await db.Wards.SingleAsync(w => w.Code == PortalData.ChuoWard);
        foreach (var (user, ward) in new[] { (TestUsers.KitaWard, kitaWard), (TestUsers.ChuoWard, chuoWard) })
        {
            var userId = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
            db.Add(new DigestSubscription
            {
                UserId = userId, WardId = ward.Id, Frequency = DigestFrequency.Weekly, CreatedUtc = Host.UtcNow, ModifiedUtc = Host.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        await Digests.DigestSeed.AddSuspendedRunAsync(db, TestUsers.KitaWard); // for the resend form of /admin/digests

        // Everyone signs in before the first snapshot, so no case is charged with a sign-in's writes.
        foreach (var user in new[] { TestUsers.Admin, TestUsers.KitaWard, TestUsers.KitaCommunity, TestUsers.KitaWelfare, TestUsers.ChuoWard,
                     TestUsers.ChuoCommunity, TestUsers.ChuoWelfare, "support-1" })
            await TokenAsync(await ClientAsync(user), signedIn: true);

        // SQLite's data_version changes whenever another connection commits: a cheap "did anything change at all?".
        // Other databases compare every row every time.
        if (db.Database.IsSqlite())
        {
            _watch = new Microsoft.Data.Sqlite.SqliteConnection(db.Database.GetConnectionString());
            await _watch.OpenAsync();
            _dataVersion = await DataVersionAsync();
        }
    }

    private async Task<long> DataVersionAsync()
    {
        if (_watch is null) return ++_dataVersion;
        await using var command = _watch.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// What changed in the database since the last check (empty: nothing). Only when something was committed are all
    /// rows compared; a commit that wrote the same values is no change. After a change the rendered pages are
    /// forgotten (their versions may be stale).
    /// </summary>
    public async Task<string> ChangesSinceLastCheckAsync()
    {
        var before = await SnapshotAsync();
        var version = await DataVersionAsync();
        if (version == _dataVersion) return "";
        _dataVersion = version;
        var after = await DatabaseSnapshot.TakeAsync(Host);
        var changes = after.DifferencesFrom(before);
        _snapshot = after;
        if (changes.Length > 0) _pages.Clear();
        return changes;
    }

    /// <summary>The database as it was at the last check (taken on first use).</summary>
    public async Task<DatabaseSnapshot> SnapshotAsync() => _snapshot ??= await DatabaseSnapshot.TakeAsync(Host);

    /// <summary>Forgets the rendered pages, after a change made outside the corpus's checks.</summary>
    public void ForgetPages() => _pages.Clear();

    /// <summary>A page as <paramref name="user"/> sees it, rendered once while the database does not change.</summary>
    public async Task<string> PageAsync(string? user, string url)
    {
        if (_pages.TryGetValue((user, url), out var html)) return html;
        var client = await ClientAsync(user);
        html = await client.GetStringAsync(url);
        if (user is null) client.Dispose();
        return _pages[(user, url)] = html;
    }

    public async Task DisposeAsync()
    {
        if (_watch is not null) await _watch.DisposeAsync();
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
            (await client.Value).Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }

    /// <summary>The shared client of <paramref name="user"/>, signed in once; null: a new anonymous client (not shared).</summary>
    public Task<PortalClient> ClientAsync(string? user) =>
        user is null
            ? Task.FromResult(Host.CreateClient())
            : _clients.GetOrAdd(user, u => new Lazy<Task<PortalClient>>(() => SignInAsync(u))).Value;

    /// <summary>A client of its own (for forms that change the session, such as logout).</summary>
    public async Task<PortalClient> FreshClientAsync(string? user) => user is null ? Host.CreateClient() : await SignInAsync(user);

    private async Task<PortalClient> SignInAsync(string user)
    {
        var client = Host.CreateClient();
        await client.LoginAsync(user);
        return client;
    }

    /// <summary>A request token for the client's session (antiforgery tokens are per user, not per form).</summary>
    public async Task<string> TokenAsync(PortalClient client, bool signedIn)
    {
        if (_tokens.TryGetValue(client, out var token)) return token;
        token = PortalClient.AntiforgeryToken(await client.GetStringAsync(signedIn ? "/" : "/account/login"));
        _tokens[client] = token;
        return token;
    }

    /// <summary>
    /// Resolves the placeholders the corpus uses for demo data, e.g. {org:chuo-community} (an organisation id),
    /// {ward:27128} (a ward id), {council:中大江地域活動協議会}, {meeting:title}, {voice:summary}, {profile:key},
    /// {department:27128} (a department of that ward), {action:description}, {category:name}, {status:name},
    /// {subscription:user} and {taskforce}. Plain text is returned as it is.
    /// </summary>
    public async Task<string> ResolveAsync(string value)
    {
        var builder = new StringBuilder();
        var position = 0;
        foreach (System.Text.RegularExpressions.Match match in Placeholder.Matches(value))
        {
            builder.Append(value, position, match.Index - position);
            builder.Append(await LookupAsync(match.Groups[1].Value));
            position = match.Index + match.Length;
        }
        return builder.Append(value, position, value.Length - position).ToString();
    }

    private static readonly System.Text.RegularExpressions.Regex Placeholder =
        new(@"\{((?:org|ward|council|update|meeting|voice|profile|department|category|status|action|session|subscription|unsubscribe):[^{}]+|taskforce)\}");

    public Task<string> LookupAsync(string key) =>
        _lookups.GetOrAdd(key, k => new Lazy<Task<string>>(() => QueryLookupAsync(k))).Value;

    private async Task<string> QueryLookupAsync(string key)
    {
        var colon = key.IndexOf(':');
        var (kind, name) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        await using var scope = Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        object id = kind switch
        {
            "org" => await db.Organisations.Where(o => o.Key == name).Select(o => o.Id).SingleAsync(),
            "ward" => await db.Wards.Where(w => w.Code == name).Select(w => w.Id).SingleAsync(),
            "council" => await db.Set<Portal.Modules.DistrictCouncils.Models.DistrictCouncil>().Where(c => c.Name == name).Select(c => c.Id).SingleAsync(),
            "update" => await db.Set<Portal.Modules.DistrictCouncils.Models.CouncilUpdate>()
                .Where(u => u.Organisation!.Key == name && u.Status == Portal.Modules.DistrictCouncils.Models.UpdateStatus.Published)
                .OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
            "meeting" => await db.Set<Portal.Modules.JointMeetings.Models.Meeting>().Where(m => m.Title == name).Select(m => m.Id).SingleAsync(),
            "voice" => await db.Set<VoiceItem>().Where(i => i.Summary == name).Select(i => i.Id).SingleAsync(),
            "profile" => await db.Set<Portal.Modules.SupportOrganisations.Models.SupportProfile>().Where(p => p.Organisation!.Key == name).Select(p => p.Id).SingleAsync(),
            "department" => await db.Set<VoiceDepartment>().Where(d => d.Ward!.Code == name).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            "category" => await db.Set<VoiceCategory>().Where(c => c.Name == name).Select(c => c.Id).SingleAsync(),
            "status" => await db.Set<VoiceStatus>().Where(s => s.Name == name).Select(s => s.Id).SingleAsync(),
            "action" => await db.Set<Portal.Modules.TaskForces.Models.ActionItem>().Where(a => a.Description == name).Select(a => a.Id).SingleAsync(),
            "session" => await db.Set<Portal.Modules.TaskForces.Models.TaskForceSession>().OrderBy(s => s.StartUtc).Select(s => s.Id).Skip(int.Parse(name, CultureInfo.InvariantCulture)).FirstAsync(),
            "taskforce" => await db.Set<Portal.Modules.TaskForces.Models.TaskForce>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            "subscription" => await db.Set<DigestSubscription>().Where(s => s.User!.UserName == name).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            "unsubscribe" => Host.Service<UnsubscribeTokens>().Create(int.Parse(await LookupAsync("subscription:" + name), CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"Unknown corpus placeholder {{{key}}}."),
        };
        return Convert.ToString(id, CultureInfo.InvariantCulture)!;
    }
}
