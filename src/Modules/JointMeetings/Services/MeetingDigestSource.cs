using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Core.Time;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>Meetings of the coming week and minutes published during the period, for the meeting digest.</summary>
public sealed class MeetingDigestSource(PortalDbContext db) : IDigestSource
{
    public static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<DigestSection>> CollectAsync(DigestScope scope, DateTime periodStartUtc, DateTime periodEndUtc, CancellationToken cancellationToken)
    {
        var meetings = InScope(scope);
        var upcomingEnd = periodEndUtc + UpcomingWindow;

        var upcoming = await meetings
            .Where(m => m.StartUtc >= periodEndUtc && m.StartUtc < upcomingEnd)
            .OrderBy(m => m.StartUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.StartUtc, m.Place, Ward = m.Ward!.Name })
            .ToListAsync(cancellationToken);

        var minutes = await meetings
            .Where(m => m.Minutes != null && m.Minutes.Status == MinutesStatus.Published
                && m.Minutes.FirstPublishedUtc >= periodStartUtc && m.Minutes.FirstPublishedUtc < periodEndUtc)
            .OrderBy(m => m.Minutes!.FirstPublishedUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.StartUtc, Published = m.Minutes!.FirstPublishedUtc, Ward = m.Ward!.Name })
            .ToListAsync(cancellationToken);

        return
        [
            new DigestSection("upcoming-meetings", "今後の会議",
                upcoming.Select(m => new DigestItem(m.Title, $"/meetings/{m.Id}", m.StartUtc, string.IsNullOrEmpty(m.Place) ? m.Ward : $"{m.Ward} · {m.Place}")).ToList()),
            new DigestSection("published-minutes", "新しく公開された議事録",
                minutes.Select(m => new DigestItem(m.Title, $"/meetings/{m.Id}", m.Published, $"{m.Ward} · {TokyoTime.Format(m.StartUtc, System.Globalization.CultureInfo.GetCultureInfo("ja-JP"))}")).ToList()),
        ];
    }

    private IQueryable<Meeting> InScope(DigestScope scope)
    {
        var meetings = db.Set<Meeting>().AsNoTracking();
        if (scope.WardId is { } wardId)
            meetings = meetings.Where(m => m.WardId == wardId);
        if (scope.OrganisationId is { } organisationId)
            meetings = meetings.Where(m => m.OrganisingOrganisationId == organisationId || m.Participants.Any(p => p.OrganisationId == organisationId));
        var recipient = scope.RecipientOrganisationId ?? -1;
        return meetings.Where(m => m.IsPublic || m.OrganisingOrganisationId == recipient || m.Participants.Any(p => p.OrganisationId == recipient));
    }
}
