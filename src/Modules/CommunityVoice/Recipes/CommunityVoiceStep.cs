using Microsoft.EntityFrameworkCore;
using Portal.Core.Recipes;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

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
public sealed class CommunityVoiceStep(VoiceEditor editor, VoiceSettingsEditor settings) : IRecipeStepHandler
{
    public string StepName => "communityVoice";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var db = context.Db;
        var model = context.Read<Model>();
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, w => w.Id, ct);

        int? WardId(string? code, string what) =>
            code is null ? null : wards.TryGetValue(code, out var id) ? id : throw new RecipeException($"{what}: unknown ward '{code}'.");

        foreach (var d in model.Departments ?? [])
            await settings.ImportDepartmentAsync(d.Name, WardId(d.Ward, $"Department '{d.Name}'"), ct);
        foreach (var name in model.Categories ?? [])
            await settings.ImportCategoryAsync(name, ct);
        foreach (var s in model.Statuses ?? [])
            await settings.ImportStatusAsync(s.Name, s.Closed, s.PublicResponse, ct);

        var departments = await db.Set<VoiceDepartment>().ToListAsync(ct);
        var categories = await db.Set<VoiceCategory>().ToListAsync(ct);
        var statuses = await db.Set<VoiceStatus>().ToListAsync(ct);
        VoiceCategory Category(string name, string what) =>
            categories.FirstOrDefault(c => c.Name == name) ?? throw new RecipeException($"{what}: unknown category '{name}'.");
        VoiceStatus Status(string name, string what) =>
            statuses.FirstOrDefault(s => s.Name == name) ?? throw new RecipeException($"{what}: unknown status '{name}'.");

        foreach (var r in model.Routing ?? [])
        {
            var what = $"Routing rule '{r.Category}'";
            var wardId = WardId(r.Ward, what);
            var category = Category(r.Category, what);
            // A ward rule may name the ward's own department or a city one; a city-wide rule only a city one.
            var department = departments.FirstOrDefault(d => d.Name == r.Department && d.WardId == wardId)
                ?? departments.FirstOrDefault(d => d.Name == r.Department && d.WardId == null)
                ?? throw new RecipeException($"{what}: unknown department '{r.Department}'.");
            await settings.ImportRoutingRuleAsync(category.Id, wardId, department.Id, ct);
        }

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Key, o => o.Id, ct);
        foreach (var i in model.Items ?? [])
        {
            var what = $"Voice item '{i.Summary}'";
            var wardId = WardId(i.Ward, what) ?? throw new RecipeException($"{what}: a ward is required.");
            var item = new VoiceItem
            {
                Summary = i.Summary,
                Details = i.Details ?? "",
                WardId = wardId,
                AreaName = i.Area ?? "",
                CategoryId = Category(i.Category, what).Id,
                Source = i.Source,
                SourceReference = i.SourceReference ?? "",
                RaisedOn = context.TokyoDate(i.Raised),
                TargetResponseDate = i.Target is { } target ? context.TokyoDate(target) : null,
                RaiserName = i.RaiserName ?? "",
                RaiserContact = i.RaiserContact ?? "",
                Response = i.Response ?? "",
                IsPublic = i.Public ?? true,
                RaisedByOrganisationId = organisations.TryGetValue(i.RaisedBy, out var orgId)
                    ? orgId : throw new RecipeException($"{what}: unknown organisation '{i.RaisedBy}'."),
            };
            var steps = (i.Steps ?? []).Select(step => (Status: Status(step.Status, what), At: context.Utc(step.At), Note: step.Note ?? "")).ToList();

            using (context.WritingAt(context.Utc(i.Raised)))
            {
                if (!await editor.ImportItemAsync(item, ct))
                    continue;
            }
            foreach (var step in steps)
            {
                using (context.WritingAt(step.At))
                    await editor.ImportStatusChangeAsync(item, step.Status, step.Note, step.At, ct);
            }
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
