using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

public sealed record VoiceFilter(string? WardCode, int? CategoryId, int? StatusId, int Page)
{
    public const int PageSize = 20;

    /// <summary>Parses the public query string; each bad value yields a message keyed by parameter (Japanese text, also its resource key).</summary>
    public static VoiceFilter Parse(string? ward, string? category, string? status, string? page, IDictionary<string, string[]> errors)
    {
        if (ward is { Length: > 6 })
            errors["ward"] = ["ward は 27127 のような区コードで指定してください。"];
        var categoryId = ParseId(category, "category", errors);
        var statusId = ParseId(status, "status", errors);
        var parsedPage = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out parsedPage) || parsedPage < 1 || parsedPage > 100_000))
            errors["p"] = ["ページ番号は1以上の整数で指定してください。"];
        return new VoiceFilter(string.IsNullOrEmpty(ward) ? null : ward, categoryId, statusId, Math.Max(parsedPage, 1));
    }

    private static int? ParseId(string? value, string name, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        errors[name] = [$"{name} は一覧から選んだ番号で指定してください。"];
        return null;
    }
}

public sealed record PublicVoiceSummary(
    int Id, string Summary, string WardName, string WardNameEn, string AreaName, string Category, string? Department,
    string Status, DateOnly RaisedOn, bool HasResponse);

/// <summary>Reads for pages: residents get public items only and never the staff fields; staff get their own scope.</summary>
public sealed class VoiceQueries(PortalDbContext db, TimeProvider clock)
{
    public DateOnly TodayInTokyo() => DateOnly.FromDateTime(TokyoTime.ToTokyo(clock.GetUtcNow().UtcDateTime));

    public async Task<IReadOnlyList<VoiceCategory>> CategoriesAsync(CancellationToken ct) =>
        await db.Set<VoiceCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<VoiceStatus>> StatusesAsync(CancellationToken ct) =>
        await db.Set<VoiceStatus>().AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>Departments that can answer items of a ward: its own and the city's.</summary>
    public async Task<IReadOnlyList<VoiceDepartment>> DepartmentsForWardAsync(int wardId, CancellationToken ct) =>
        await db.Set<VoiceDepartment>().AsNoTracking()
            .Where(d => d.WardId == wardId || d.WardId == null)
            .OrderBy(d => d.WardId == null).ThenBy(d => d.SortOrder).ThenBy(d => d.Name)
            .ToListAsync(ct);

    /// <summary>The departments a routing table can name: a ward's own and the city's, or (<paramref name="wardId"/> null) the city's.</summary>
    public async Task<IReadOnlyList<VoiceDepartment>> DepartmentsForTableAsync(int? wardId, CancellationToken ct) =>
        wardId is { } id
            ? await DepartmentsForWardAsync(id, ct)
            : await db.Set<VoiceDepartment>().AsNoTracking().Where(d => d.WardId == null).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);

    /// <summary>The city-wide routing rules and, with <paramref name="wardId"/>, that ward's, with their departments.</summary>
    public async Task<IReadOnlyList<VoiceRoutingRule>> RoutingRulesAsync(int? wardId, CancellationToken ct) =>
        await db.Set<VoiceRoutingRule>().AsNoTracking().Include(r => r.Department)
            .Where(r => r.WardId == null || (wardId != null && r.WardId == wardId)).ToListAsync(ct);

    /// <summary>The departments the queue can be filtered by: every one for administrators, else the user's ward's and the city's.</summary>
    public async Task<IReadOnlyList<VoiceDepartment>> QueueDepartmentsAsync(ClaimsPrincipal user, Organisation? userOrganisation, CancellationToken ct)
    {
        var departments = db.Set<VoiceDepartment>().AsNoTracking().Include(d => d.Ward).AsQueryable();
        if (!user.IsAdministrator())
        {
            var wardId = userOrganisation?.WardId ?? -1;
            departments = departments.Where(d => d.WardId == wardId || d.WardId == null);
        }
        return await departments.OrderBy(d => d.Ward!.SortOrder).ThenBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);
    }

    public async Task<Paged<PublicVoiceSummary>> ListPublicAsync(VoiceFilter filter, CancellationToken ct)
    {
        var query = db.Set<VoiceItem>().AsNoTracking().Where(i => i.IsPublic);
        if (filter.WardCode is not null)
            query = query.Where(i => i.Ward!.Code == filter.WardCode);
        if (filter.CategoryId is { } categoryId)
            query = query.Where(i => i.CategoryId == categoryId);
        if (filter.StatusId is { } statusId)
            query = query.Where(i => i.StatusId == statusId);

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(i => i.RaisedOn).ThenByDescending(i => i.Id)
            .Skip((filter.Page - 1) * VoiceFilter.PageSize).Take(VoiceFilter.PageSize)
            .Select(i => new PublicVoiceSummary(
                i.Id, i.Summary, i.Ward!.Name, i.Ward.NameEn, i.AreaName, i.Category!.Name, i.Department!.Name,
                i.Status!.Name, i.RaisedOn, i.ResponsePublishedUtc != null))
            .ToListAsync(ct);
        return new Paged<PublicVoiceSummary>(items, filter.Page, VoiceFilter.PageSize, total);
    }

    /// <summary>A public item with what residents may see loaded; null when missing or not public.</summary>
    public Task<VoiceItem?> FindPublicAsync(int id, CancellationToken ct) =>
        WithEverything().FirstOrDefaultAsync(i => i.Id == id && i.IsPublic, ct);

    /// <summary>Any item with its references and history, for staff pages that check access themselves.</summary>
    public Task<VoiceItem?> FindAsync(int id, CancellationToken ct) =>
        WithEverything().FirstOrDefaultAsync(i => i.Id == id, ct);

    private IQueryable<VoiceItem> WithEverything() =>
        db.Set<VoiceItem>().AsNoTracking()
            .Include(i => i.Ward).Include(i => i.Category).Include(i => i.Department).Include(i => i.Status)
            .Include(i => i.RaisedByOrganisation)
            .Include(i => i.History.OrderBy(h => h.ChangedUtc).ThenBy(h => h.Id));

    /// <summary>
    /// Open items the user may work on or follow: administrators all, the ward office its ward's, anyone else the items
    /// its organisation raised. Sorted by target date (items without one last).
    /// </summary>
    public async Task<IReadOnlyList<VoiceItem>> OpenQueueAsync(
        ClaimsPrincipal user, Organisation? userOrganisation, int? departmentId, bool descending, CancellationToken ct)
    {
        var query = db.Set<VoiceItem>().AsNoTracking()
            .Include(i => i.Ward).Include(i => i.Category).Include(i => i.Department).Include(i => i.Status)
            .Where(i => !i.Status!.IsClosed);
        if (!user.IsAdministrator())
        {
            var orgId = userOrganisation?.Id ?? -1;
            query = user.HasPermission(VoicePermission.HandleVoiceItems) && userOrganisation is { Kind: OrganisationKind.WardOffice, WardId: { } wardId }
                ? query.Where(i => i.WardId == wardId)
                : query.Where(i => i.RaisedByOrganisationId == orgId);
        }
        if (departmentId is { } id)
            query = query.Where(i => i.DepartmentId == id);

        var ordered = descending
            ? query.OrderBy(i => i.TargetResponseDate == null).ThenByDescending(i => i.TargetResponseDate)
            : query.OrderBy(i => i.TargetResponseDate == null).ThenBy(i => i.TargetResponseDate);
        return await ordered.ThenBy(i => i.Id).Take(QueueLimit).ToListAsync(ct);
    }

    public const int QueueLimit = 500;
}
