using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Services;

public sealed record CouncilFilter(string? WardCode, ActivityFields Field, int Page)
{
    public const int PageSize = 20;

    /// <summary>Parses the public query string; each bad value yields a message keyed by parameter.</summary>
    public static CouncilFilter Parse(string? ward, string? field, string? page, IDictionary<string, string[]> errors)
    {
        var parsedField = ActivityFields.None;
        if (!string.IsNullOrEmpty(field) && !FlagSet<ActivityFields>.TryParseOne(field, out parsedField))
            errors["field"] = [$"'{field}' is not an activity field. Use one of: {string.Join(", ", FlagSet<ActivityFields>.All)}."];

        var parsedPage = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, out parsedPage) || parsedPage < 1 || parsedPage > 100_000))
            errors["page"] = ["page must be a whole number from 1."];

        if (ward is { Length: > 6 })
            errors["ward"] = ["ward is a ward code such as 27127."];

        return new CouncilFilter(string.IsNullOrEmpty(ward) ? null : ward, parsedField, Math.Max(parsedPage, 1));
    }
}

public sealed record CouncilSummary(int Id, string Name, string WardName, string WardNameEn, string Area, ActivityFields Fields);

/// <summary>A published council that has a position, for the map and its GeoJSON.</summary>
public sealed record CouncilMapPoint(int Id, string Name, string WardCode, string WardName, string WardNameEn, double Latitude, double Longitude);

/// <summary>What the council page shows of a council: its profile with the names of its ward and managing organisation.</summary>
public sealed record CouncilProfile(
    int Id, string Name, bool IsPublished, int WardId, int ManagingOrganisationId,
    string WardCode, string WardName, string WardNameEn, string ManagerName, string ManagerNameEn,
    string Area, ActivityFields Fields, string Description, string ContactName, string ContactPhone, string ContactEmail,
    double? Latitude, double? Longitude) : ICouncilScope;

/// <summary>A published update as the council page lists it.</summary>
public sealed record UpdateHeadline(int Id, string Title, DateTime PublishedUtc, string OrganisationName, string OrganisationNameEn);

/// <summary>What residents may read: published councils and published updates only.</summary>
public sealed class CouncilQueries(PortalDbContext db, CouncilQueries.Compiled compiled)
{
    /// <summary>
    /// The council page's queries, compiled once per site (a singleton): the page is the most requested one, and a
    /// compiled query skips EF's per-call expression work. Not static: a compiled query serves one model only, and a
    /// process may host several sites (the tests do, on SQLite and PostgreSQL at once).
    /// </summary>
    public sealed class Compiled
    {
        // Projections, not entities: the page reads only what it shows, and EF skips building and fixing up entities.
        public readonly Func<PortalDbContext, int, CancellationToken, Task<CouncilProfile?>> Profile =
            EF.CompileAsyncQuery((PortalDbContext db, int id, CancellationToken ct) =>
                db.Set<DistrictCouncil>()
                    .Where(c => c.Id == id)
                    .Select(c => new CouncilProfile(
                        c.Id, c.Name, c.IsPublished, c.WardId, c.ManagingOrganisationId,
                        c.Ward!.Code, c.Ward.Name, c.Ward.NameEn, c.ManagingOrganisation!.Name, c.ManagingOrganisation.NameEn,
                        c.Area, c.Fields, c.Description, c.ContactName, c.ContactPhone, c.ContactEmail, c.Latitude, c.Longitude))
                    .FirstOrDefault());

        public readonly Func<PortalDbContext, int, int, IAsyncEnumerable<UpdateHeadline>> LatestHeadlines =
            EF.CompileAsyncQuery((PortalDbContext db, int councilId, int count) =>
                db.Set<CouncilUpdate>()
                    .Where(u => u.CouncilId == councilId && u.Status == UpdateStatus.Published)
                    .OrderByDescending(u => u.PublishedUtc).ThenByDescending(u => u.Id)
                    .Take(count)
                    .Select(u => new UpdateHeadline(u.Id, u.Title, u.PublishedUtc!.Value, u.Organisation!.Name, u.Organisation.NameEn)));
    }

    private IQueryable<DistrictCouncil> Councils => db.Set<DistrictCouncil>().AsNoTracking();

    public Task<Ward?> FindWardAsync(string code, CancellationToken ct) =>
        db.Wards.AsNoTracking().FirstOrDefaultAsync(w => w.Code == code, ct);

    /// <summary>
    /// Keeps one connection open for the rest of the request's queries instead of taking one from the pool per
    /// query: under load the SQLite pool's lock was where page requests queued.
    /// </summary>
    public Task OpenConnectionAsync(CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    /// <param name="ward">The ward of <paramref name="filter"/>'s code, which the caller has looked up (and answered 404
    /// for when unknown); null lists every ward.</param>
    public async Task<Paged<CouncilSummary>> ListPublishedAsync(CouncilFilter filter, Ward? ward, CancellationToken ct)
    {
        var query = Councils.Where(c => c.IsPublished);
        if (ward is not null)
        {
            // By ward id, not through the join on the code: the (WardId, IsPublished, Name) index then answers both the
            // filter and the order, and a page of a ward is read without sorting the ward.
            var wardId = ward.Id;
            query = query.Where(c => c.WardId == wardId);
        }
        if (filter.Field != ActivityFields.None)
            query = query.Where(c => ((int)c.Fields & (int)filter.Field) != 0);

        var total = await query.CountAsync(ct);
        var ordered = ward is null
            ? query.OrderBy(c => c.Ward!.SortOrder).ThenBy(c => c.Name).ThenBy(c => c.Id)
            : query.OrderBy(c => c.Name).ThenBy(c => c.Id);
        var items = await ordered
            .Skip((filter.Page - 1) * CouncilFilter.PageSize).Take(CouncilFilter.PageSize)
            .Select(c => new CouncilSummary(c.Id, c.Name, c.Ward!.Name, c.Ward.NameEn, c.Area, c.Fields))
            .ToListAsync(ct);
        return new Paged<CouncilSummary>(items, filter.Page, CouncilFilter.PageSize, total);
    }

    /// <summary>The council with its ward and managing organisation, published or not; callers decide who may see a draft.</summary>
    public Task<DistrictCouncil?> FindAsync(int id, CancellationToken ct) =>
        Councils.Include(c => c.Ward).Include(c => c.ManagingOrganisation).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The council page's profile, published or not; callers decide who may see a draft.</summary>
    public Task<CouncilProfile?> FindProfileAsync(int id, CancellationToken ct) => compiled.Profile(db, id, ct);

    public async Task<IReadOnlyList<CouncilUpdate>> LatestPublishedUpdatesAsync(int councilId, int count, CancellationToken ct) =>
        await db.Set<CouncilUpdate>().AsNoTracking()
            .Include(u => u.Organisation)
            .Where(u => u.CouncilId == councilId && u.Status == UpdateStatus.Published)
            .OrderByDescending(u => u.PublishedUtc).ThenByDescending(u => u.Id)
            .Take(count)
            .ToListAsync(ct);

    public async Task<IReadOnlyList<UpdateHeadline>> LatestHeadlinesAsync(int councilId, int count, CancellationToken ct)
    {
        var headlines = new List<UpdateHeadline>(count);
        await foreach (var headline in compiled.LatestHeadlines(db, councilId, count).WithCancellation(ct))
            headlines.Add(headline);
        return headlines;
    }

    public Task<CouncilUpdate?> FindUpdateAsync(int councilId, int updateId, CancellationToken ct) =>
        db.Set<CouncilUpdate>().AsNoTracking()
            .Include(u => u.Organisation).Include(u => u.Council)
            .FirstOrDefaultAsync(u => u.Id == updateId && u.CouncilId == councilId, ct);

    /// <summary>An update with its council, whatever its status: for the staff who may edit it.</summary>
    public Task<CouncilUpdate?> FindUpdateWithCouncilAsync(int updateId, CancellationToken ct) =>
        db.Set<CouncilUpdate>().AsNoTracking().Include(u => u.Council).FirstOrDefaultAsync(u => u.Id == updateId, ct);

    /// <summary>An update's revisions, newest first.</summary>
    public async Task<IReadOnlyList<CouncilUpdateRevision>> RevisionsAsync(int updateId, CancellationToken ct) =>
        await db.Set<CouncilUpdateRevision>().AsNoTracking().Where(r => r.UpdateId == updateId).OrderByDescending(r => r.Number).ToListAsync(ct);

    /// <summary>
    /// The staff overview: the councils an organisation may post on (its ward's) or edit (those it manages), and its own
    /// updates, newest first; everything for administrators (<paramref name="organisation"/> null and <paramref name="all"/>).
    /// </summary>
    public async Task<(IReadOnlyList<DistrictCouncil> Councils, IReadOnlyList<CouncilUpdate> Updates)> StaffOverviewAsync(
        Organisation? organisation, bool all, int limit, CancellationToken ct)
    {
        var councils = db.Set<DistrictCouncil>().AsNoTracking().Include(c => c.Ward).AsQueryable();
        var updates = db.Set<CouncilUpdate>().AsNoTracking().Include(u => u.Council).AsQueryable();
        if (!all)
        {
            var orgId = organisation?.Id ?? -1;
            var wardId = organisation?.WardId ?? -1;
            councils = councils.Where(c => c.WardId == wardId || c.ManagingOrganisationId == orgId);
            updates = updates.Where(u => u.OrganisationId == orgId);
        }
        return (await councils.OrderBy(c => c.Ward!.SortOrder).ThenBy(c => c.Name).Take(limit).ToListAsync(ct),
            await updates.OrderByDescending(u => u.ModifiedUtc).Take(limit).ToListAsync(ct));
    }

    /// <summary>Published councils per ward id, for the ward index (the (WardId, IsPublished, Name) index covers it).</summary>
    public async Task<Dictionary<int, int>> CountPublishedByWardAsync(CancellationToken ct) =>
        await Councils.Where(c => c.IsPublished)
            .GroupBy(c => c.WardId)
            .Select(g => new { WardId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.WardId, x => x.Count, ct);

    /// <summary>Published councils with both coordinates, optionally of one ward, in ward then name order.</summary>
    public async Task<IReadOnlyList<CouncilMapPoint>> MapPointsAsync(string? wardCode, CancellationToken ct)
    {
        var query = Councils.Where(c => c.IsPublished && c.Latitude != null && c.Longitude != null);
        if (wardCode is not null)
            query = query.Where(c => c.Ward!.Code == wardCode);
        return await query
            .OrderBy(c => c.Ward!.SortOrder).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CouncilMapPoint(c.Id, c.Name, c.Ward!.Code, c.Ward.Name, c.Ward.NameEn, c.Latitude!.Value, c.Longitude!.Value))
            .ToListAsync(ct);
    }

    /// <summary>Published updates of published councils (of one ward, or all), newest first, for the Atom feeds.</summary>
    public async Task<IReadOnlyList<CouncilUpdate>> FeedUpdatesAsync(int? wardId, int count, CancellationToken ct)
    {
        var query = db.Set<CouncilUpdate>().AsNoTracking()
            .Include(u => u.Organisation).Include(u => u.Council).ThenInclude(c => c!.Ward)
            .Where(u => u.Status == UpdateStatus.Published && u.PublishedUtc != null && u.Council!.IsPublished);
        if (wardId is not null)
            query = query.Where(u => u.Council!.WardId == wardId);
        return await query
            .OrderByDescending(u => u.PublishedUtc).ThenByDescending(u => u.Id)
            .Take(count)
            .ToListAsync(ct);
    }
}
