using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Digests;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using ScaleOutSettings = Portal.Web.Infrastructure.ScaleOut;

namespace Portal.Tests.ScaleOut;

/// <summary>
/// Scale-out on real engines: two nodes, one PostgreSQL, one Redis. Both nodes run Hangfire servers, which keep static
/// global state in the process: the class lives in the non-parallel Hangfire collection (and uses its PostgreSQL).
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class TwoNodeTests(TwoNodeFixture farm, ITestOutputHelper output) : IClassFixture<TwoNodeFixture>
{
    private PortalTestHost A => farm.A;
    private PortalTestHost B => farm.B;

    [Fact]
    public async Task Two_nodes_starting_together_on_a_new_database_set_it_up_once_and_share_one_Hangfire()
    {
        Assert.Equal(1, await A.QueryAsync(db => db.RecipeExecutions.CountAsync()));
        Assert.Equal(24, await B.QueryAsync(db => db.Wards.CountAsync()));
        Assert.True(await B.QueryAsync(db => Task.FromResult(db.Database.IsNpgsql())));

        // Both registered the recurring job: one job, in the one storage, seen alike from both nodes.
        foreach (var node in new[] { A, B })
        {
            var storage = node.Service<JobStorage>();
            Assert.IsType<Hangfire.PostgreSql.PostgreSqlStorage>(storage);
            using var connection = storage.GetConnection();
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DigestJob.RecurringJobId);
            Assert.Equal("Asia/Tokyo", job.TimeZoneId);
            Assert.Equal(2, storage.GetMonitoringApi().Servers().Count);
        }
        output.WriteLine($"Both nodes started together in {farm.StartUpTime.TotalSeconds:F1} s.");
        Assert.True(farm.StartUpTime < TimeSpan.FromSeconds(60), $"Start-up took {farm.StartUpTime}.");
    }

    [Fact]
    public async Task A_login_on_node_A_is_valid_on_node_B()
    {
        var browser = new CookieContainer();
        using var onA = A.CreateClient(browser);
        using var onB = B.CreateClient(browser);
        Assert.Contains("/account/login", (await onB.GetAsync("/staff/councils")).Headers.Location?.ToString());

        await onA.LoginAsync(TestUsers.KitaCommunity);

        var page = await onB.GetAsync("/staff/councils");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(PortalData.KitaCouncilName, await page.BodyAsync());
        // The cookie is the whole proof: a browser without it is still sent to the login page by B.
        using var stranger = B.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/staff/councils")).StatusCode);
    }

    [Fact]
    public async Task Antiforgery_tokens_rendered_by_one_node_are_accepted_by_the_other_and_a_forged_one_is_refused()
    {
        var browser = new CookieContainer();
        using var onA = A.CreateClient(browser);
        using var onB = B.CreateClient(browser);

        // The login form of A (an anonymous token) posted to B; B's cookie then opens A's staff form, which posts to B.
        var login = await onA.OpenFormAsync("/account/login");
        var signedIn = await onB.PostFormAsync(login, [new("Input.UserName", TestUsers.KitaCommunity), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var council = await A.KitaCouncilAsync();
        var form = await onA.OpenFormAsync($"/staff/updates/edit?councilId={council.Id}");
        var title = "二拠点の報告 " + Guid.NewGuid().ToString("N")[..8];
        var saved = await onB.PostFormAsync(form, PortalData.UpdateForm(title, "<p>ノードAの画面からノードBへ送信。</p>", Guid.Empty, "publish"));
        Assert.Equal("/staff/councils", saved.RedirectPath());
        Assert.Equal(1, await B.QueryAsync(db => db.Set<CouncilUpdate>().CountAsync(u => u.Title == title)));

        // The same token with one character changed no longer decrypts: B refuses it.
        var forgedTitle = "偽造トークン " + Guid.NewGuid().ToString("N")[..8];
        var middle = form.Token.Length / 2;
        var forged = form with { Token = form.Token[..middle] + (form.Token[middle] == 'A' ? 'B' : 'A') + form.Token[(middle + 1)..] };
        var refused = await onB.PostFormAsync(forged, PortalData.UpdateForm(forgedTitle, "<p>届かない</p>", Guid.Empty, "publish"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await A.QueryAsync(db => db.Set<CouncilUpdate>().CountAsync(u => u.Title == forgedTitle)));
    }

    [Fact]
    public async Task An_update_published_on_node_A_is_found_by_node_B_search_from_its_own_index()
    {
        var word = UniqueWord();
        var browser = new CookieContainer();
        using var staffOnA = A.CreateClient(browser);
        using var residentOnB = B.CreateClient();
        await staffOnA.LoginAsync(TestUsers.KitaCommunity);
        Assert.Equal(0, await TotalAsync(residentOnB, word));

        var council = await A.KitaCouncilAsync();
        var saved = await staffOnA.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}",
            PortalData.UpdateForm($"防災訓練 {word}", "<p>二つのノードで検索できます。</p>", Guid.Empty, "publish"));
        Assert.Equal("/staff/councils", saved.RedirectPath());

        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(15);
        var total = 0;
        while ((total = await TotalAsync(residentOnB, word)) == 0 && clock.Elapsed < deadline)
            await Task.Delay(100);
        Assert.True(total == 1, $"B's search did not find the update published on A within {deadline.TotalSeconds} s.");
        output.WriteLine($"B found the update saved on A after {clock.Elapsed.TotalSeconds:F1} s.");

        // Each node answered from an index of its own, in the folder it was given.
        var indexA = Path.Combine(A.ContentRoot, "index-a");
        var indexB = Path.Combine(B.ContentRoot, "index-b");
        Assert.NotSame(A.Service<Portal.Modules.Search.Services.SearchIndex>(), B.Service<Portal.Modules.Search.Services.SearchIndex>());
        Assert.NotEmpty(Directory.GetFiles(indexA, "segments_*"));
        Assert.NotEmpty(Directory.GetFiles(indexB, "segments_*"));
    }

    [Fact]
    public async Task The_digest_of_a_period_is_sent_once_in_total_though_both_nodes_run_the_job_at_once()
    {
        var ward = await A.QueryAsync(db => db.Wards.SingleAsync(w => w.Code == PortalData.KitaWard));
        farm.DigestSource.MeetingsByWard[ward.Id] = [new DigestItem("北区 三者連絡会議", "/meetings/1", null, null)];
        var recipients = Enumerable.Range(1, 12).Select(i => $"farm-{i:D2}@example.jp").ToList();
        foreach (var recipient in recipients)
            await AddDailySubscriberAsync(recipient, ward.Id);

        // Each node's Hangfire triggers the recurring job (two jobs in the shared queue, run by whichever servers fetch
        // them) while each node also runs the job itself: four runs of one period at the same moment.
        var triggered = new[] { A, B }.Select(node => Task.Run(() => ((IRecurringJobManagerV2)node.Service<IRecurringJobManager>()).TriggerJob(DigestJob.RecurringJobId))).ToList();
        var direct = new[] { A, B }.Select(RunDigestJobAsync).ToList();
        var jobIds = await Task.WhenAll(triggered);
        var sent = (await Task.WhenAll(direct)).Sum(s => s.Sent);
        foreach (var jobId in jobIds)
            await WaitForHangfireJobAsync(jobId, TimeSpan.FromSeconds(30));

        var mail = farm.Smtp.MessagesTo(recipients);
        Assert.Equal(recipients.Order(), mail.Select(m => m.To.Mailboxes.Single().Address).Order());
        var deliveries = await A.QueryAsync(db => db.Set<DigestDelivery>().Include(d => d.Run).Where(d => recipients.Contains(d.Email)).ToListAsync());
        Assert.Equal(recipients.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        Assert.Single(deliveries.Select(d => d.Run!.PeriodKey).Distinct());
        Assert.Equal(1, await A.QueryAsync(db => db.Set<DigestRun>().CountAsync(r => r.Frequency == DigestFrequency.Daily)));
        Assert.True(sent <= recipients.Count);
        output.WriteLine($"{recipients.Count} mails; {sent} sent by the direct runs, the rest by Hangfire jobs {string.Join(", ", jobIds)}.");
    }

    [Fact]
    public async Task Data_protection_keys_live_in_Redis_and_not_on_the_nodes_disks()
    {
        // A login makes sure the key ring is in use.
        using var client = A.CreateClient();
        await client.LoginAsync(TestUsers.KitaWard);

        // One key: the nodes started together, but the second found the first's key instead of making its own.
        var keys = await farm.Redis.Database.ListRangeAsync(ScaleOutSettings.DataProtectionKeysKey);
        var key = Assert.Single(keys);
        Assert.StartsWith("<key ", key.ToString());
        foreach (var node in new[] { A, B })
        {
            var folder = Path.Combine(node.ContentRoot, "App_Data", "keys");
            Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, $"Keys on disk in {folder}.");
        }
    }

    [Fact]
    public async Task The_distributed_cache_and_the_output_cache_store_are_the_same_Redis_for_both_nodes()
    {
        var key = "farm-test:" + Guid.NewGuid().ToString("N");
        await A.Service<IDistributedCache>().SetStringAsync(key, "ノードAが書いた値");
        Assert.Equal("ノードAが書いた値", await B.Service<IDistributedCache>().GetStringAsync(key));
        Assert.True(await farm.Redis.Database.KeyExistsAsync(ScaleOutSettings.CacheInstanceName + key));

        var storeA = A.Service<IOutputCacheStore>();
        var storeB = B.Service<IOutputCacheStore>();
        Assert.Contains("Redis", storeA.GetType().Name);
        var tag = "council-" + Guid.NewGuid().ToString("N")[..8];
        await storeA.SetAsync(key, Encoding.UTF8.GetBytes("<p>cached on A</p>"), [tag], TimeSpan.FromMinutes(1), default);
        Assert.Equal("<p>cached on A</p>", Encoding.UTF8.GetString((await storeB.GetAsync(key, default))!));

        // Eviction by tag on one node (a publish) empties the entry for every node.
        await storeB.EvictByTagAsync(tag, default);
        Assert.Null(await storeA.GetAsync(key, default));
    }

    [Fact]
    public async Task A_council_page_cached_on_node_B_is_fresh_there_right_after_a_publish_on_node_A()
    {
        var council = await A.KitaCouncilAsync();
        var page = $"/councils/{council.Id}";
        using var residentOnB = B.CreateClient();
        var title = "餅つき大会 " + UniqueWord();

        var cached = false;
        for (var i = 0; i < 5 && !cached; i++)
        {
            using var response = await residentOnB.GetAsync(page);
            Assert.DoesNotContain(title, await response.Content.ReadAsStringAsync());
            cached = response.Headers.Age is not null;
        }
        Assert.True(cached, $"B never answered {page} from its output cache.");

        using var staffOnA = A.CreateClient();
        await staffOnA.LoginAsync(TestUsers.KitaCommunity);
        var saved = await staffOnA.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}",
            PortalData.UpdateForm(title, "<p>公開と同時に両方のノードで見えます。</p>", Guid.Empty, "publish"));
        Assert.Equal("/staff/councils", saved.RedirectPath());

        // A evicted the page's tag from the shared Redis store when its save committed: no waiting.
        Assert.Contains(title, await residentOnB.GetStringAsync(page));
    }

    [Fact]
    public async Task A_node_that_cannot_reach_Redis_stops_at_start_with_the_reason()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = farm.ConnectionString,
            ["Portal:Redis"] = $"127.0.0.1:{closedPort},connectTimeout=1000",
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalTestHost.StartAsync(settings));

        Assert.Contains("Portal:Redis: cannot connect to Redis", failure.Message);
    }

    private static string UniqueWord() =>
        "farm" + new string(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());

    private static async Task<int> TotalAsync(PortalClient client, string query)
    {
        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
    }

    private async Task AddDailySubscriberAsync(string email, int wardId)
    {
        await using var scope = A.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(), DisplayName = email,
        };
        var now = A.UtcNow;
        db.Add(new DigestSubscription { UserId = user.Id, User = user, WardId = wardId, Frequency = DigestFrequency.Daily, CreatedUtc = now, ModifiedUtc = now });
        await db.SaveChangesAsync();
    }

    private static async Task<SendSummary> RunDigestJobAsync(PortalTestHost node)
    {
        await using var scope = node.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(CancellationToken.None);
    }

    private async Task WaitForHangfireJobAsync(string jobId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var connection = A.Service<JobStorage>().GetConnection();
        string? state;
        while ((state = connection.GetStateData(jobId)?.Name) is not ("Succeeded" or "Failed") && clock.Elapsed < timeout)
            await Task.Delay(100);
        Assert.True(state == "Succeeded", $"Hangfire job {jobId} ended as {state ?? "nothing"} after {clock.Elapsed}.");
    }
}
