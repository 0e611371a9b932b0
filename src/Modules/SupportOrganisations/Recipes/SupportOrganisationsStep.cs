using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Recipes;

/// <summary>
/// {"name":"supportOrganisations",
///  "profiles":[{"organisation":"org-key","services":["会計・事務支援",…],"wards":["27127",…],"description":"…","staff":"…",
///    "trackRecord":"…","contactName":"…","contactPhone":"…","contactEmail":"…","website":"https://…","published":true}],
///  "choices":[{"ward":"27127","council":"菅北地域活動協議会","fiscalYear":"current" (or "current-1", or a year such as 2026),"organisation":"org-key","reason":"…"}]}
/// The organisations themselves come from the organisations step (kind IntermediarySupport). Existing profiles and
/// choices are left as they are, so re-running a recipe adds only what is new.
/// </summary>
public sealed class SupportOrganisationsStep(SupportEditor editor) : IRecipeStepHandler
{
    public string StepName => "supportOrganisations";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var model = context.Read<Model>();
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Key, cancellationToken);

        foreach (var item in model.Profiles)
        {
            if (!organisations.TryGetValue(item.Organisation, out var organisation) || !organisation.IsSupportOrganisation())
                throw new RecipeException($"Support profile: '{item.Organisation}' is not an intermediary support organisation.");
            var website = item.Website ?? "";
            if (website.Length > 0 && !WebsiteUrl.IsValid(website))
                throw new RecipeException($"Support profile '{item.Organisation}': '{website}' is not an http(s) address.");
            var wardIds = item.Wards.Distinct()
                .Select(code => wards.TryGetValue(code, out var id) ? id : throw new RecipeException($"Support profile '{item.Organisation}': unknown ward '{code}'."))
                .ToList();
            await editor.ImportProfileAsync(new SupportProfile
            {
                OrganisationId = organisation.Id,
                Services = FlagSet<SupportServices>.Combine(item.Services.Select(s => ParseService(s, item.Organisation))),
                ServicesNote = item.ServicesNote ?? "",
                Description = item.Description ?? "",
                Staff = item.Staff ?? "",
                TrackRecord = item.TrackRecord ?? "",
                ContactName = item.ContactName ?? "",
                ContactPhone = item.ContactPhone ?? "",
                ContactEmail = item.ContactEmail ?? "",
                WebsiteUrl = website,
                IsPublished = item.Published ?? true,
            }, wardIds, cancellationToken);
        }

        foreach (var item in model.Choices ?? [])
        {
            var fiscalYear = FiscalYearOf(item.FiscalYear, context.NowUtc, item.Council);
            var label = $"{item.Council} ({fiscalYear})";
            if (!wards.TryGetValue(item.Ward, out var wardId))
                throw new RecipeException($"Support choice {label}: unknown ward '{item.Ward}'.");
            var councilId = await db.Set<DistrictCouncil>().Where(c => c.WardId == wardId && c.Name == item.Council)
                    .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new RecipeException($"Support choice {label}: unknown council.");
            var profileId = await db.Set<SupportProfile>()
                    .Where(p => p.Organisation!.Key == item.Organisation && p.Wards.Any(w => w.WardId == wardId))
                    .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new RecipeException($"Support choice {label}: '{item.Organisation}' has no profile covering ward {item.Ward}.");
            await editor.ImportChoiceAsync(
                new SupportChoice { CouncilId = councilId, FiscalYear = fiscalYear, ProfileId = profileId, Reason = item.Reason }, cancellationToken);
        }
    }

    /// <summary>A year (2026), or "current" / "current-1" counted from the fiscal year the site is set up in.</summary>
    private static int FiscalYearOf(JsonElement value, DateTime setupUtc, string council)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var year))
            return year;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : "";
        var current = FiscalYear.OfUtc(setupUtc);
        if (text == "current")
            return current;
        if (text.StartsWith("current", StringComparison.Ordinal)
            && int.TryParse(text["current".Length..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
            return current + offset;
        throw new RecipeException($"Support choice '{council}': fiscal year '{value}' must be a year such as 2026, \"current\" or \"current-1\".");
    }

    /// <summary>Accepts the Japanese label (会計・事務支援) or the enum name (AccountingAndAdministration).</summary>
    private static SupportServices ParseService(string value, string organisation) =>
        FlagSet<SupportServices>.TryParseLabelOrName(value, out var service)
            ? service
            : throw new RecipeException($"Support profile '{organisation}': unknown service '{value}'.");

    private sealed record ProfileItem(
        string Organisation, List<string> Services, List<string> Wards, string? ServicesNote, string? Description,
        string? Staff, string? TrackRecord, string? ContactName, string? ContactPhone, string? ContactEmail,
        string? Website, bool? Published);

    private sealed record ChoiceItem(string Ward, string Council, JsonElement FiscalYear, string Organisation, string Reason);

    private sealed record Model(List<ProfileItem> Profiles, List<ChoiceItem>? Choices);
}
