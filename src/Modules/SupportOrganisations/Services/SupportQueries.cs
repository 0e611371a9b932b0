using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Services;

public sealed record SupportFilter(string? WardCode, SupportServices Service)
{
    /// <summary>Parses the public query string; each bad value yields a message keyed by parameter.</summary>
    public static SupportFilter Parse(string? ward, string? service, IDictionary<string, string[]> errors)
    {
        var parsedService = SupportServices.None;
        if (!string.IsNullOrEmpty(service) && !FlagSet<SupportServices>.TryParseOne(service, out parsedService))
            errors["service"] = ["支援内容の値が正しくありません。"];
        if (ward is { Length: > 6 })
            errors["ward"] = ["区は27127のような区コードで指定してください。"];
        return new SupportFilter(string.IsNullOrEmpty(ward) ? null : ward, parsedService);
    }
}

/// <summary>The profile ids of a compare request: 2 to 4 distinct whole numbers.</summary>
public static class CompareRequest
{
    public const int Min = 2;
    public const int Max = 4;

    /// <summary>The ids in the order given, or null with a (Japanese, localisable) message.</summary>
    public static IReadOnlyList<int>? Parse(IReadOnlyList<string?> values, out string? error)
    {
        var ids = new List<int>();
        foreach (var value in values)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                error = "比較する組織の指定が正しくありません。";
                return null;
            }
            if (!ids.Contains(id))
                ids.Add(id);
        }
        if (ids.Count is < Min or > Max)
        {
            error = "比較する組織は2〜4団体選んでください。";
            return null;
        }
        error = null;
        return ids;
    }
}

/// <summary>A council with its choice for the year asked, if one is recorded.</summary>
public sealed record CouncilChoiceRow(DistrictCouncil Council, SupportChoice? Choice);

/// <summary>The read side: residents get published profiles only; callers decide who may see a draft.</summary>
public sealed class SupportQueries(PortalDbContext db)
{
    private IQueryable<SupportProfile> Profiles =>
        db.Set<SupportProfile>().AsNoTracking()
            .Include(p => p.Organisation)
            .Include(p => p.Wards).ThenInclude(w => w.Ward);

    public async Task<IReadOnlyList<SupportProfile>> ListPublishedAsync(SupportFilter filter, CancellationToken ct)
    {
        var query = Profiles.Where(p => p.IsPublished);
        if (filter.WardCode is not null)
            query = query.Where(p => p.Wards.Any(w => w.Ward!.Code == filter.WardCode));
        if (filter.Service != SupportServices.None)
            query = query.Where(p => ((int)p.Services & (int)filter.Service) != 0);
        var profiles = await query.OrderBy(p => p.Organisation!.Name).ThenBy(p => p.Id).ToListAsync(ct);
        profiles.ForEach(SortWards);
        return profiles;
    }

    public Task<SupportProfile?> FindAsync(int id, CancellationToken ct) => FindOneAsync(p => p.Id == id, ct);

    public Task<SupportProfile?> FindOfOrganisationAsync(int organisationId, CancellationToken ct) =>
        FindOneAsync(p => p.OrganisationId == organisationId, ct);

    /// <summary>Published profiles with these ids, in the order asked; null if any is missing or unpublished.</summary>
    public async Task<IReadOnlyList<SupportProfile>?> FindPublishedAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var found = await Profiles.Where(p => p.IsPublished && ids.Contains(p.Id)).ToListAsync(ct);
        if (found.Count != ids.Count)
            return null;
        found.ForEach(SortWards);
        return ids.Select(id => found.First(p => p.Id == id)).ToList();
    }

    /// <summary>What a council of the ward may choose: a published profile covering the ward.</summary>
    public static Expression<Func<SupportProfile, bool>> ChoosableIn(int wardId) =>
        p => p.IsPublished && p.Wards.Any(w => w.WardId == wardId);

    /// <summary>What a council may choose from (<see cref="ChoosableIn"/>), by name.</summary>
    public async Task<IReadOnlyList<SupportProfile>> ChoosableForWardAsync(int wardId, CancellationToken ct) =>
        await db.Set<SupportProfile>().AsNoTracking().Include(p => p.Organisation)
            .Where(ChoosableIn(wardId))
            .OrderBy(p => p.Organisation!.Name)
            .ToListAsync(ct);

    /// <summary>Every council of the ward (published or not), by name, with its choice for the year.</summary>
    public async Task<IReadOnlyList<CouncilChoiceRow>> WardChoicesAsync(int wardId, int fiscalYear, CancellationToken ct) =>
        await WithChoicesAsync(
            await db.Set<DistrictCouncil>().AsNoTracking()
                .Where(c => c.WardId == wardId).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(ct),
            fiscalYear, ct);

    /// <summary>
    /// The councils an organisation manages (null: every council), by ward and name, with their wards and their choices for
    /// the year.
    /// </summary>
    public async Task<IReadOnlyList<CouncilChoiceRow>> ManagedChoicesAsync(int? managingOrganisationId, int fiscalYear, CancellationToken ct)
    {
        var councils = db.Set<DistrictCouncil>().AsNoTracking().Include(c => c.Ward).AsQueryable();
        if (managingOrganisationId is { } organisationId)
            councils = councils.Where(c => c.ManagingOrganisationId == organisationId);
        return await WithChoicesAsync(await councils.OrderBy(c => c.Ward!.SortOrder).ThenBy(c => c.Name).ToListAsync(ct), fiscalYear, ct);
    }

    public Task<SupportChoice?> FindChoiceAsync(int councilId, int fiscalYear, CancellationToken ct) =>
        db.Set<SupportChoice>().AsNoTracking()
            .Include(c => c.Profile).ThenInclude(p => p!.Organisation)
            .FirstOrDefaultAsync(c => c.CouncilId == councilId && c.FiscalYear == fiscalYear, ct);

    private async Task<SupportProfile?> FindOneAsync(Expression<Func<SupportProfile, bool>> which, CancellationToken ct)
    {
        var profile = await Profiles.FirstOrDefaultAsync(which, ct);
        if (profile is not null) SortWards(profile);
        return profile;
    }

    private async Task<IReadOnlyList<CouncilChoiceRow>> WithChoicesAsync(List<DistrictCouncil> councils, int fiscalYear, CancellationToken ct)
    {
        var councilIds = councils.Select(c => c.Id).ToList();
        var choices = await db.Set<SupportChoice>().AsNoTracking()
            .Include(c => c.Profile).ThenInclude(p => p!.Organisation)
            .Where(c => c.FiscalYear == fiscalYear && councilIds.Contains(c.CouncilId))
            .ToDictionaryAsync(c => c.CouncilId, ct);
        return councils.Select(c => new CouncilChoiceRow(c, choices.GetValueOrDefault(c.Id))).ToList();
    }

    private static void SortWards(SupportProfile profile) =>
        profile.Wards.Sort((a, b) => a.Ward!.SortOrder.CompareTo(b.Ward!.SortOrder));
}
