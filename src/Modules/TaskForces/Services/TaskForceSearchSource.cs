using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Core.Time;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>
/// One document per task force: description, working groups, session summaries with their decisions, action items.
/// Non-public task forces are found only by staff of the owner and member organisations.
/// </summary>
public sealed class TaskForceSearchSource(PortalDbContext db) : ISearchDocumentSource
{
    public IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string> { [TaskForce.SearchType] = "タスクフォース" };

    public async Task<SearchDocument?> LoadAsync(string contentType, string key, CancellationToken cancellationToken)
    {
        if (contentType != TaskForce.SearchType || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        var taskForce = await TaskForces().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return taskForce is null ? null : ToDocument(taskForce);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var taskForce in TaskForces().OrderBy(t => t.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToDocument(taskForce);
    }

    private IQueryable<TaskForce> TaskForces() =>
        db.Set<TaskForce>().AsNoTracking().AsSplitQuery()
            .Include(t => t.Ward).Include(t => t.Members).Include(t => t.WorkingGroups).Include(t => t.ActionItems)
            .Include(t => t.Sessions).ThenInclude(s => s.Decisions);

    private static SearchDocument ToDocument(TaskForce t)
    {
        var sessions = t.Sessions.OrderBy(s => s.StartUtc).Select(s =>
            TokyoTime.ToTokyo(s.StartUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + s.Summary + "\n"
            + string.Join("\n", s.Decisions.OrderBy(d => d.Number).Select(d => d.Text)));
        var body = string.Join("\n", new[] { t.Description }
            .Concat(t.WorkingGroups.Select(g => g.Name))
            .Concat(sessions)
            .Concat(t.ActionItems.Select(a => a.Description))
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var audience = t.IsPublic
            ? SearchAudience.Everyone
            : new SearchAudience(t.Members.Select(m => m.OrganisationId).Append(t.OwnerOrganisationId).Distinct().Order().ToList());
        return new SearchDocument(TaskForce.SearchType, t.Id.ToString(CultureInfo.InvariantCulture), t.Name, body,
            $"/taskforces/{t.Id}", t.Ward!.Code, t.ModifiedUtc, audience);
    }
}
