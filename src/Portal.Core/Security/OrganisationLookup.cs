using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Security;

/// <summary>The reads every module makes of wards and organisations.</summary>
public sealed class OrganisationLookup(PortalDbContext db)
{
    public async Task<IReadOnlyList<Ward>> WardsAsync(CancellationToken ct = default) =>
        await db.Wards.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(ct);

    public Task<Ward?> WardAsync(string? code, CancellationToken ct = default) =>
        db.Wards.AsNoTracking().FirstOrDefaultAsync(w => w.Code == code, ct);

    /// <summary>Every organisation, by ward and kind: an administrator's choice of owner.</summary>
    public async Task<IReadOnlyList<Organisation>> AllAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.WardId).ThenBy(o => o.Kind).ToListAsync(ct);

    public Task<bool> ExistsAsync(int id, CancellationToken ct = default) => db.Organisations.AnyAsync(o => o.Id == id, ct);

    /// <summary>The signed-in user's organisation (with its ward), or null for residents and organisation-less administrators.</summary>
    public async Task<Organisation?> OfUserAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        user.OrganisationIdOf() is { } id
            ? await db.Organisations.AsNoTracking().Include(o => o.Ward).FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
}
