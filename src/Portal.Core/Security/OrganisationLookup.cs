using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Security;

public sealed class OrganisationLookup(PortalDbContext db)
{
    /// <summary>The signed-in user's organisation (with its ward), or null for residents and organisation-less administrators.</summary>
    public async Task<Organisation?> OfUserAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        user.OrganisationIdOf() is { } id
            ? await db.Organisations.AsNoTracking().Include(o => o.Ward).FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
}
