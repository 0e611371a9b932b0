using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>Reads the routing table: the ward's own rule for a category beats the city-wide default.</summary>
public sealed class VoiceRouter(PortalDbContext db)
{
    public async Task<VoiceDepartment?> DepartmentForAsync(int categoryId, int wardId, CancellationToken ct)
    {
        var rules = await db.Set<VoiceRoutingRule>().AsNoTracking()
            .Include(r => r.Department)
            .Where(r => r.CategoryId == categoryId && (r.WardId == wardId || r.WardId == null))
            .ToListAsync(ct);
        return (rules.FirstOrDefault(r => r.WardId == wardId) ?? rules.FirstOrDefault())?.Department;
    }
}
