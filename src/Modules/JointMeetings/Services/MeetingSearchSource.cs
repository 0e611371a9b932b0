using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>
/// One document per meeting: its description, place, agenda and, once published, its minutes.
/// Private meetings are found only by staff of the organising and participating organisations.
/// </summary>
public sealed class MeetingSearchSource(PortalDbContext db) : ISearchDocumentSource
{
    public IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string> { [Meeting.SearchType] = "会議" };

    public async Task<SearchDocument?> LoadAsync(string contentType, string key, CancellationToken cancellationToken)
    {
        if (contentType != Meeting.SearchType || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        var meeting = await Meetings().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is null ? null : ToDocument(meeting);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var meeting in Meetings().OrderBy(m => m.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToDocument(meeting);
    }

    private IQueryable<Meeting> Meetings() =>
        db.Set<Meeting>().AsNoTracking().AsSplitQuery()
            .Include(m => m.Ward).Include(m => m.Participants).Include(m => m.Agenda).Include(m => m.Minutes);

    private static SearchDocument ToDocument(Meeting m)
    {
        var minutes = m.Minutes is { Status: MinutesStatus.Published } published ? RichText.ToPlainText(published.Body) : "";
        var body = string.Join("\n", new[] { m.Description, m.Place }
            .Concat(m.Agenda.OrderBy(a => a.Position).Select(a => a.Title))
            .Append(minutes)
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var audience = m.IsPublic
            ? SearchAudience.Everyone
            : new SearchAudience(m.Participants.Select(p => p.OrganisationId).Append(m.OrganisingOrganisationId).Distinct().Order().ToList());
        return new SearchDocument(Meeting.SearchType, m.Id.ToString(CultureInfo.InvariantCulture), m.Title, body,
            $"/meetings/{m.Id}", m.Ward!.Code, m.StartUtc, audience);
    }
}
