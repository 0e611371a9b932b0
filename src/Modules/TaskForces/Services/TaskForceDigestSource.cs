using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Core.Time;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>Action items not done by the end of the period although due before it, for the meeting digest.</summary>
public sealed class TaskForceDigestSource(PortalDbContext db) : IDigestSource
{
    public async Task<IReadOnlyList<DigestSection>> CollectAsync(DigestScope scope, DateTime periodStartUtc, DateTime periodEndUtc, CancellationToken cancellationToken)
    {
        // Due dates are Tokyo dates: an item due on day D is overdue once day D has ended in Tokyo.
        var endDate = DateOnly.FromDateTime(TokyoTime.ToTokyo(periodEndUtc));
        var items = db.Set<ActionItem>().AsNoTracking().Where(a => a.Status != ActionStatus.Done && a.DueDate < endDate);
        if (scope.WardId is { } wardId)
            items = items.Where(a => a.TaskForce!.WardId == wardId);
        if (scope.OrganisationId is { } organisationId)
            items = items.Where(a => a.OwnerOrganisationId == organisationId
                || a.TaskForce!.OwnerOrganisationId == organisationId
                || a.TaskForce.Members.Any(m => m.OrganisationId == organisationId));
        var recipient = scope.RecipientOrganisationId ?? -1;
        items = items.Where(a => a.TaskForce!.IsPublic
            || a.TaskForce.OwnerOrganisationId == recipient
            || a.TaskForce.Members.Any(m => m.OrganisationId == recipient));

        var rows = await items.OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.TaskForceId, a.Description, a.DueDate, Owner = a.OwnerOrganisation!.Name, TaskForce = a.TaskForce!.Name })
            .ToListAsync(cancellationToken);

        return
        [
            new DigestSection("overdue-actions", "期限を過ぎたアクション",
                rows.Select(a => new DigestItem(a.Description, $"/taskforces/{a.TaskForceId}#action-{a.Id}",
                    TokyoTime.ToUtc(a.DueDate.ToDateTime(TimeOnly.MinValue)), $"{a.TaskForce} · {a.Owner} · 期限 {a.DueDate:yyyy-MM-dd}")).ToList()),
        ];
    }
}
