using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Recipes;

/// <summary>
/// {"name":"communityVoice",
///  "departments":[{"name":"市民協働課","ward":"27127"},{"name":"建設局 公園課"}],   (no ward: a city department)
///  "categories":["防災",…],
///  "statuses":[{"name":"受付"},{"name":"回答済み","closed":true,"publicResponse":true}],   (in order; the first is initial)
///  "routing":[{"category":"防災","ward":"27127","department":"地域防災担当"},{"category":"道路・公園","department":"建設局 公園課"}],
///  "items":[{"ward":"27127","summary":"…","category":"防災","raisedBy":"kita-welfare","raised":"-30d 10:00","target":"-3d",
///            "steps":[{"status":"担当課確認中","at":"-25d 10:00","note":"…"}],"response":"…"}]}
/// Dates are recipe times (<see cref="RecipeTime"/>): the demo's are relative to the day it is set up, so it always has some overdue items.
/// Rows already present (same name, or same ward and summary for items) are left as they are.
/// </summary>
public sealed class CommunityVoiceStep : IRecipeStepHandler
{
    public string StepName => "communityVoice";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var db = context.Db;
        var model = context.Read<Model>();
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, w => w.Id, ct);

        int? WardId(string? code, string what) =>
            code is null ? null : wards.TryGetValue(code, out var id) ? id : throw new RecipeException($"{what}: unknown ward '{code}'.");

        var departments = await db.Set<VoiceDepartment>().ToListAsync(ct);
        var order = departments.Count;
        foreach (var d in model.Departments ?? [])
        {
            var wardId = WardId(d.Ward, $"Department '{d.Name}'");
            if (departments.Any(x => x.Name == d.Name && x.WardId == wardId)) continue;
            var department = new VoiceDepartment { Name = d.Name, WardId = wardId, SortOrder = ++order };
            departments.Add(department);
            db.Add(department);
        }

        var categories = await db.Set<VoiceCategory>().ToListAsync(ct);
        foreach (var name in model.Categories ?? [])
        {
            if (categories.Any(c => c.Name == name)) continue;
            var category = new VoiceCategory { Name = name, SortOrder = categories.Count + 1 };
            categories.Add(category);
            db.Add(category);
        }

        var statuses = await db.Set<VoiceStatus>().ToListAsync(ct);
        foreach (var s in model.Statuses ?? [])
        {
            if (statuses.Any(x => x.Name == s.Name)) continue;
            var status = new VoiceStatus { Name = s.Name, SortOrder = statuses.Count + 1, IsClosed = s.Closed, IsPublicResponse = s.PublicResponse };
            statuses.Add(status);
            db.Add(status);
        }
        await db.SaveChangesAsync(ct);

        VoiceCategory Category(string name, string what) =>
            categories.FirstOrDefault(c => c.Name == name) ?? throw new RecipeException($"{what}: unknown category '{name}'.");
        VoiceStatus Status(string name, string what) =>
            statuses.FirstOrDefault(s => s.Name == name) ?? throw new RecipeException($"{what}: unknown status '{name}'.");

        var rules = await db.Set<VoiceRoutingRule>().ToListAsync(ct);
        foreach (var r in model.Routing ?? [])
        {
            var what = $"Routing rule '{r.Category}'";
            var wardId = WardId(r.Ward, what);
            var category = Category(r.Category, what);
            // A ward rule may name the ward's own department or a city one; a city-wide rule only a city one.
            var department = departments.FirstOrDefault(d => d.Name == r.Department && d.WardId == wardId)
                ?? departments.FirstOrDefault(d => d.Name == r.Department && d.WardId == null)
                ?? throw new RecipeException($"{what}: unknown department '{r.Department}'.");
            var rule = rules.FirstOrDefault(x => x.CategoryId == category.Id && x.WardId == wardId);
            if (rule is null)
            {
                rule = new VoiceRoutingRule { CategoryId = category.Id, WardId = wardId };
                rules.Add(rule);
                db.Add(rule);
            }
            rule.DepartmentId = department.Id;
        }
        await db.SaveChangesAsync(ct);

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Key, o => o.Id, ct);
        var initial = statuses.OrderBy(s => s.SortOrder).First();
        foreach (var i in model.Items ?? [])
        {
            var what = $"Voice item '{i.Summary}'";
            var wardId = WardId(i.Ward, what) ?? throw new RecipeException($"{what}: a ward is required.");
            if (await db.Set<VoiceItem>().AnyAsync(x => x.WardId == wardId && x.Summary == i.Summary, ct)) continue;

            var category = Category(i.Category, what);
            var rule = rules.FirstOrDefault(r => r.CategoryId == category.Id && r.WardId == wardId)
                ?? rules.FirstOrDefault(r => r.CategoryId == category.Id && r.WardId == null);
            var department = departments.FirstOrDefault(d => d.Id == rule?.DepartmentId);
            var raisedOn = context.TokyoDate(i.Raised);
            var receivedUtc = context.Utc(i.Raised);
            var item = new VoiceItem
            {
                Summary = i.Summary,
                Details = i.Details ?? "",
                WardId = wardId,
                AreaName = i.Area ?? "",
                CategoryId = category.Id,
                DepartmentId = department?.Id,
                StatusId = initial.Id,
                Source = i.Source,
                SourceReference = i.SourceReference ?? "",
                RaisedOn = raisedOn,
                TargetResponseDate = i.Target is { } target ? context.TokyoDate(target) : null,
                RaiserName = i.RaiserName ?? "",
                RaiserContact = i.RaiserContact ?? "",
                IsPublic = i.Public ?? true,
                RaisedByOrganisationId = organisations.TryGetValue(i.RaisedBy, out var orgId)
                    ? orgId : throw new RecipeException($"{what}: unknown organisation '{i.RaisedBy}'."),
                CreatedUtc = receivedUtc, CreatedBy = "recipe", ModifiedUtc = receivedUtc, ModifiedBy = "recipe",
            };
            item.History.Add(new VoiceItemHistory
            {
                Kind = VoiceHistoryKind.Received, To = department?.Name ?? "未割当",
                ChangedUtc = receivedUtc, ChangedBy = "recipe",
            });
            var current = initial;
            foreach (var step in i.Steps ?? [])
            {
                var next = Status(step.Status, what);
                var at = context.Utc(step.At);
                item.History.Add(new VoiceItemHistory
                {
                    Kind = VoiceHistoryKind.StatusChanged, From = current.Name, To = next.Name, Note = step.Note ?? "",
                    ChangedUtc = at, ChangedBy = "recipe",
                });
                current = next;
                item.ModifiedUtc = at;
            }
            item.StatusId = current.Id;
            item.Response = i.Response ?? "";
            if (current is { IsClosed: true, IsPublicResponse: true } && item.Response.Length > 0)
                item.ResponsePublishedUtc = item.ModifiedUtc;
            db.Add(item);
        }
    }

    private sealed record DepartmentItem(string Name, string? Ward);
    private sealed record StatusItem(string Name, bool Closed, bool PublicResponse);
    private sealed record RuleItem(string Category, string? Ward, string Department);
    private sealed record StepItem(string Status, RecipeTime At, string? Note);

    private sealed record Item(
        string Ward, string Summary, string? Details, string? Area, string Category, VoiceSource Source, string? SourceReference,
        string RaisedBy, RecipeTime Raised, RecipeTime? Target, string? RaiserName, string? RaiserContact, bool? Public,
        List<StepItem>? Steps, string? Response);

    private sealed record Model(
        List<DepartmentItem>? Departments, List<string>? Categories, List<StatusItem>? Statuses, List<RuleItem>? Routing, List<Item>? Items);
}
