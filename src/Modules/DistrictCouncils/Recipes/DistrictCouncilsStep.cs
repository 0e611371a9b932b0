using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Recipes;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Recipes;

/// <summary>
/// {"name":"districtCouncils","councils":[{"name":"…","ward":"27127","managedBy":"org-key","fields":["防犯・防災",…],
///   "updates":[{"title":"…","body":"&lt;p&gt;…","organisation":"org-key","published":"2026-10-01T10:00:00+09:00"}]}]}
/// A council already present (same ward and name) is left as it is, so re-running a recipe adds only what is new.
/// </summary>
public sealed class DistrictCouncilsStep(CouncilEditor editor) : IRecipeStepHandler
{
    public string StepName => "districtCouncils";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);

        foreach (var item in context.Read<Model>().Councils)
        {
            if (!wards.TryGetValue(item.Ward, out var wardId))
                throw new RecipeException($"Council '{item.Name}': unknown ward '{item.Ward}'.");
            var council = new DistrictCouncil
            {
                Name = item.Name,
                WardId = wardId,
                ManagingOrganisationId = OrganisationId(organisations, item.ManagedBy, item.Name),
                Area = item.Area ?? "",
                Fields = FlagSet<ActivityFields>.Combine(item.Fields.Select(f => ParseField(f, item.Name))),
                Description = item.Description ?? "",
                ContactName = item.ContactName ?? "",
                ContactPhone = item.ContactPhone ?? "",
                ContactEmail = item.ContactEmail ?? "",
                Latitude = item.Latitude,
                Longitude = item.Longitude,
                IsPublished = item.Published ?? true,
            };
            if (!await editor.ImportCouncilAsync(council, cancellationToken))
                continue;
            foreach (var u in item.Updates ?? [])
            {
                var published = context.Utc(u.Published);
                var update = new CouncilUpdate
                {
                    Title = u.Title, CouncilId = council.Id, OrganisationId = OrganisationId(organisations, u.Organisation, item.Name),
                };
                using (context.WritingAt(published ?? context.NowUtc))
                    await editor.ImportUpdateAsync(update, u.Body, published, cancellationToken);
            }
        }
    }

    private static int OrganisationId(Dictionary<string, int> organisations, string key, string council) =>
        organisations.TryGetValue(key, out var id) ? id : throw new RecipeException($"Council '{council}': unknown organisation '{key}'.");

    /// <summary>Accepts the Japanese label (防犯・防災) or the enum name (SafetyAndDisasterPrevention).</summary>
    private static ActivityFields ParseField(string value, string council) =>
        FlagSet<ActivityFields>.TryParseLabelOrName(value, out var field)
            ? field
            : throw new RecipeException($"Council '{council}': unknown activity field '{value}'.");

    private sealed record UpdateItem(string Title, string Body, string Organisation, RecipeTime? Published);

    private sealed record Item(
        string Name, string Ward, string ManagedBy, List<string> Fields, string? Area, string? Description,
        string? ContactName, string? ContactPhone, string? ContactEmail, double? Latitude, double? Longitude,
        bool? Published, List<UpdateItem>? Updates);

    private sealed record Model(List<Item> Councils);
}
