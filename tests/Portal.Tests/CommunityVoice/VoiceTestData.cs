using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Modules.CommunityVoice.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

/// <summary>Reads and seeds voice rows straight in the test host's database.</summary>
public static class VoiceTestData
{
    public static async Task<T> WithDbAsync<T>(this PortalTestHost host, Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = host.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<VoiceItem> ItemAsync(this PortalTestHost host, int id) =>
        host.WithDbAsync(db => db.Set<VoiceItem>().AsNoTracking()
            .Include(i => i.Category).Include(i => i.Department).Include(i => i.Status).Include(i => i.History)
            .FirstAsync(i => i.Id == id));

    public static Task<VoiceItem> ItemBySummaryAsync(this PortalTestHost host, string summary) =>
        host.WithDbAsync(db => db.Set<VoiceItem>().AsNoTracking()
            .Include(i => i.Category).Include(i => i.Department).Include(i => i.Status).Include(i => i.History)
            .FirstAsync(i => i.Summary == summary));

    public static Task<int> CategoryIdAsync(this PortalTestHost host, string name) =>
        host.WithDbAsync(db => db.Set<VoiceCategory>().Where(c => c.Name == name).Select(c => c.Id).FirstAsync());

    public static Task<int> StatusIdAsync(this PortalTestHost host, string name) =>
        host.WithDbAsync(db => db.Set<VoiceStatus>().Where(s => s.Name == name).Select(s => s.Id).FirstAsync());

    public static Task<int> DepartmentIdAsync(this PortalTestHost host, string name, string? wardCode) =>
        host.WithDbAsync(db => db.Set<VoiceDepartment>()
            .Where(d => d.Name == name && (wardCode == null ? d.WardId == null : d.Ward!.Code == wardCode))
            .Select(d => d.Id).FirstAsync());

    public static async Task<SearchDocument?> SearchDocumentAsync(this PortalTestHost host, int id)
    {
        await using var scope = host.CreateScope();
        var source = scope.ServiceProvider.GetServices<ISearchDocumentSource>().Single(s => s.ContentTypes.ContainsKey(VoiceItem.SearchType));
        return await source.LoadAsync(VoiceItem.SearchType, id.ToString(), CancellationToken.None);
    }

    public static async Task<List<SearchDocument>> AllSearchDocumentsAsync(this PortalTestHost host)
    {
        await using var scope = host.CreateScope();
        var source = scope.ServiceProvider.GetServices<ISearchDocumentSource>().Single(s => s.ContentTypes.ContainsKey(VoiceItem.SearchType));
        var all = new List<SearchDocument>();
        await foreach (var document in source.LoadAllAsync(CancellationToken.None))
            all.Add(document);
        return all;
    }

    /// <summary>Records an item through the form as the signed-in user and returns it.</summary>
    public static async Task<VoiceItem> RaiseAsync(this PortalTestHost host, PortalClient client, string category, string summary, params (string Key, string Value)[] overrides)
    {
        var response = await client.SubmitFormAsync("/staff/voice/edit", NewItemForm(await host.CategoryIdAsync(category), summary, overrides));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await host.ItemBySummaryAsync(summary);
    }

    /// <summary>The version the staff item page's handling form was rendered with.</summary>
    public static async Task<string> FormVersionAsync(PortalClient client, string url) =>
        VersionPattern.Match(await client.GetStringAsync(url)).Groups[1].Value;

    private static readonly Regex VersionPattern = new("name=\"Input.Version\" value=\"([0-9a-f-]{36})\"");

    /// <summary>Posts the handling form of an item (the version is read from the page unless given).</summary>
    public static async Task<HttpResponseMessage> HandleAsync(
        this PortalTestHost host, PortalClient client, int id, string category, string status,
        string note = "", string response = "", bool isPublic = true, string? version = null)
    {
        var url = $"/staff/voice/{id}";
        version ??= await FormVersionAsync(client, url);
        return await client.SubmitFormAsync(url,
        [
            new("Input.CategoryId", (await host.CategoryIdAsync(category)).ToString()),
            new("Input.StatusId", (await host.StatusIdAsync(status)).ToString()),
            new("Input.Note", note),
            new("Input.Response", response),
            new("Input.IsPublic", isPublic ? "true" : "false"),
            new("Input.Version", version),
        ]);
    }

    /// <summary>The fields of the "record a voice" form, with the given overrides.</summary>
    public static List<KeyValuePair<string, string>> NewItemForm(int categoryId, string summary, params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Summary"] = summary,
            ["Input.Details"] = "詳しい内容（職員のみ）",
            ["Input.AreaName"] = "菅北地域",
            ["Input.CategoryId"] = categoryId.ToString(),
            ["Input.Source"] = "WardCouncil",
            ["Input.SourceReference"] = "第4回北区区政会議",
            ["Input.RaisedOn"] = "2026-11-20",
            ["Input.TargetResponseDate"] = "2026-12-20",
            ["Input.RaiserName"] = "試験 太郎",
            ["Input.RaiserContact"] = "06-0000-1234",
        };
        foreach (var (key, value) in overrides)
            fields[key] = value;
        return fields.ToList();
    }
}
