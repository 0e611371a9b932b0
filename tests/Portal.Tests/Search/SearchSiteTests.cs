using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Modules.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>Search through the running site: the change log feeds the index, rebuilds, permissions, bad input.</summary>
public class SearchSiteTests
{
    private static async Task<JsonElement> SearchAsync(PortalClient client, string query)
    {
        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<int> TotalAsync(PortalClient client, string query) =>
        (await SearchAsync(client, query)).GetProperty("total").GetInt32();

    /// <summary>The indexer polls every second; wait up to ten for a change to show.</summary>
    private static async Task<int> EventuallyAsync(PortalClient client, string query, Func<int, bool> until)
    {
        var total = -1;
        for (var i = 0; i < 50 && !until(total); i++)
        {
            total = await TotalAsync(client, query);
            if (!until(total)) await Task.Delay(200);
        }
        return total;
    }

    [Fact]
    public async Task A_published_update_becomes_searchable_and_an_unpublished_one_disappears()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var staff = host.CreateClient();
        using var resident = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        const string word = "餅つき大会";
        Assert.Equal(0, await EventuallyAsync(resident, word, t => t == 0));

        var councilId = await KitaCouncilIdAsync(resident);
        var created = await staff.SubmitFormAsync($"/staff/updates/edit?councilId={councilId}",
            [new("Input.Title", "年末の" + word), new("Input.Body", "<p>12月28日に会館で行います。</p>"), new("Input.Version", Guid.Empty.ToString()), new("intent", "publish"), new("councilId", councilId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(1, await EventuallyAsync(resident, word, t => t == 1));

        var hit = (await SearchAsync(resident, word)).GetProperty("hits")[0];
        var updateId = int.Parse(hit.GetProperty("key").GetString()!);
        Assert.Contains("<mark>", hit.GetProperty("title").GetString());
        var withdrawn = await staff.SubmitFormAsync($"/staff/updates/edit/{updateId}",
            [new("Input.Title", "年末の" + word), new("Input.Body", "<p>中止</p>"), new("Input.Version", await VersionAsync(staff, updateId)), new("intent", "draft")]);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(0, await EventuallyAsync(resident, word, t => t == 0));
    }

    [Fact]
    public async Task A_node_whose_index_folder_is_deleted_rebuilds_it_and_answers_the_same()
    {
        string contentRoot;
        int before;
        await using (var host = await PortalTestHost.StartAsync(contentRoot: Directory.CreateTempSubdirectory("portal-test-").FullName))
        {
            contentRoot = host.ContentRoot;
            using var client = host.CreateClient();
            before = await EventuallyAsync(client, "防災訓練", t => t > 0);
            Assert.True(before > 0);
        }
        try
        {
            var indexFolder = Path.Combine(contentRoot, "App_Data", "search-index");
            Assert.True(Directory.Exists(indexFolder));
            Directory.Delete(indexFolder, recursive: true);

            await using var restarted = await PortalTestHost.StartAsync(contentRoot: contentRoot);
            using var client = restarted.CreateClient();
            Assert.Equal(before, await EventuallyAsync(client, "防災訓練", t => t == before));
            Assert.NotNull(restarted.Service<SearchIndex>().Cursor);
        }
        finally
        {
            PortalTestHost.DeleteDirectory(contentRoot);
        }
    }

    [Fact]
    public async Task Restricted_documents_reach_only_staff_of_their_organisation()
    {
        await using var host = await PortalTestHost.StartAsync(services: s => s.AddScoped<ISearchDocumentSource, RestrictedNoteSource>());
        int kitaWardOffice;
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>();
            kitaWardOffice = db.Organisations.Single(o => o.Key == "kita-ward-office").Id;
        }
        RestrictedNoteSource.OrganisationId = kitaWardOffice;
        var indexer = host.Service<SearchIndexer>();
        indexer.RequestRebuild();
        await indexer.CatchUpAsync(CancellationToken.None);

        using var anonymous = host.CreateClient();
        using var ownStaff = host.CreateClient();
        using var otherStaff = host.CreateClient();
        using var admin = host.CreateClient();
        await ownStaff.LoginAsync(TestUsers.KitaWard);
        await otherStaff.LoginAsync(TestUsers.ChuoWard);
        await admin.LoginAsync(TestUsers.Admin);

        Assert.Equal(0, await TotalAsync(anonymous, RestrictedNoteSource.Word));
        Assert.Equal(0, await TotalAsync(otherStaff, RestrictedNoteSource.Word));
        Assert.Equal(1, await TotalAsync(ownStaff, RestrictedNoteSource.Word));
        Assert.Equal(1, await TotalAsync(admin, RestrictedNoteSource.Word));
    }

    private static async Task<int> KitaCouncilIdAsync(PortalClient client)
    {
        var json = await client.GetStringAsync("/api/councils?ward=27127");
        return JsonDocument.Parse(json).RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
    }

    private static async Task<string> VersionAsync(PortalClient client, int updateId)
    {
        var html = await client.GetStringAsync($"/staff/updates/edit/{updateId}");
        var marker = "name=\"Input.Version\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    /// <summary>A module's private document, visible to one organisation only.</summary>
    private sealed class RestrictedNoteSource : ISearchDocumentSource
    {
        public const string Word = "内部調整メモ";
        public static int OrganisationId;

        public IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string> { ["test-note"] = "テスト" };

        public Task<SearchDocument?> LoadAsync(string contentType, string key, CancellationToken cancellationToken) =>
            Task.FromResult<SearchDocument?>(Note());

        public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield return Note();
        }

        private static SearchDocument Note() =>
            new("test-note", "1", Word, "区役所内の" + Word, "/notes/1", "27127", null, new SearchAudience([OrganisationId]));
    }
}
