using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
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
