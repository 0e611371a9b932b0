using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

public sealed record MeetingSummary(int Id, string Title, string WardName, DateTime StartUtc, DateTime EndUtc, string Place, bool IsPublic, bool HasPublishedMinutes);

/// <summary>Reads meetings as the given user may see them (see <see cref="MeetingAccess"/>).</summary>
public sealed class MeetingQueries(PortalDbContext db)
{
    public const int ListLimit = 100;

    /// <summary>Calendar feeds carry recent history too, so a cancelled-and-re-added entry is not the only trace.</summary>
    public static readonly TimeSpan FeedHistory = TimeSpan.FromDays(180);

    /// <summary>The same rule as <see cref="MeetingAccess.CanView"/>, as a query filter.</summary>
    public IQueryable<Meeting> VisibleTo(ClaimsPrincipal user)
    {
        var meetings = db.Set<Meeting>().AsNoTracking();
        if (user.IsAdministrator()) return meetings;
        var organisationId = user.OrganisationIdOf() ?? -1;
        return meetings.Where(m => m.IsPublic
            || m.OrganisingOrganisationId == organisationId
            || m.Participants.Any(p => p.OrganisationId == organisationId));
    }

    public Task<Ward?> FindWardAsync(string code, CancellationToken ct) =>
        db.Wards.AsNoTracking().FirstOrDefaultAsync(w => w.Code == code, ct);

    public Task<Organisation?> FindOrganisationAsync(string key, CancellationToken ct) =>
        db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Key == key, ct);

    /// <summary>Meetings not yet over, soonest first.</summary>
    public Task<List<MeetingSummary>> UpcomingAsync(ClaimsPrincipal user, int? wardId, DateTime nowUtc, CancellationToken ct) =>
        Summaries(InWard(VisibleTo(user), wardId).Where(m => m.EndUtc >= nowUtc).OrderBy(m => m.StartUtc).ThenBy(m => m.Id), ct);

    /// <summary>Meetings that have ended, latest first.</summary>
    public Task<List<MeetingSummary>> PastAsync(ClaimsPrincipal user, int? wardId, DateTime nowUtc, CancellationToken ct) =>
        Summaries(InWard(VisibleTo(user), wardId).Where(m => m.EndUtc < nowUtc).OrderByDescending(m => m.StartUtc).ThenByDescending(m => m.Id), ct);

    /// <summary>A meeting with everything its page shows; callers check <see cref="MeetingAccess.CanView"/>.</summary>
    public Task<Meeting?> FindAsync(int id, CancellationToken ct) =>
        db.Set<Meeting>().AsNoTracking().AsSplitQuery()
            .Include(m => m.Ward)
            .Include(m => m.OrganisingOrganisation)
            .Include(m => m.Participants).ThenInclude(p => p.Organisation)
            .Include(m => m.Agenda).ThenInclude(a => a.PresenterOrganisation)
            .Include(m => m.Minutes)
            .FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>A meeting with its participants and agenda, for its edit form.</summary>
    public Task<Meeting?> FindForEditAsync(int id, CancellationToken ct) =>
        db.Set<Meeting>().AsNoTracking().Include(m => m.Participants).Include(m => m.Agenda)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>A meeting with its participants and their organisations, for the attendance form.</summary>
    public Task<Meeting?> FindWithParticipantsAsync(int id, CancellationToken ct) =>
        db.Set<Meeting>().AsNoTracking().Include(m => m.Participants).ThenInclude(p => p.Organisation)
            .FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>A meeting with its minutes (draft or published), for their editors.</summary>
    public Task<Meeting?> FindWithMinutesAsync(int id, CancellationToken ct) =>
        db.Set<Meeting>().AsNoTracking().Include(m => m.Minutes).FirstOrDefaultAsync(m => m.Id == id, ct);

    public Task<int?> OrganiserIdAsync(int meetingId, CancellationToken ct) =>
        db.Set<Meeting>().Where(m => m.Id == meetingId).Select(m => (int?)m.OrganisingOrganisationId).FirstOrDefaultAsync(ct);

    /// <summary>The minutes' revisions, newest first.</summary>
    public async Task<IReadOnlyList<MinutesRevision>> MinutesRevisionsAsync(int minutesId, CancellationToken ct) =>
        await db.Set<MinutesRevision>().AsNoTracking().Where(r => r.MinutesId == minutesId).OrderByDescending(r => r.Number).ToListAsync(ct);

    /// <summary>The staff list: the meetings an organisation organises, or every meeting (<paramref name="organisationId"/> null), latest first.</summary>
    public async Task<IReadOnlyList<Meeting>> StaffListAsync(int? organisationId, int limit, CancellationToken ct)
    {
        var meetings = db.Set<Meeting>().AsNoTracking().Include(m => m.Ward).Include(m => m.Minutes).AsQueryable();
        if (organisationId is { } orgId)
            meetings = meetings.Where(m => m.OrganisingOrganisationId == orgId);
        return await meetings.OrderByDescending(m => m.StartUtc).ThenByDescending(m => m.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>The ward offices, in ward order: who may organise a meeting.</summary>
    public async Task<IReadOnlyList<Organisation>> WardOfficesAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.WardOffice).OrderBy(o => o.Ward!.SortOrder).ToListAsync(ct);

    /// <summary>Who may take part in a meeting: the organisations of the organiser's ward, and intermediary support organisations that serve any ward.</summary>
    public async Task<IReadOnlyList<Organisation>> ParticipantChoicesAsync(int organiserId, CancellationToken ct)
    {
        var wardId = db.Organisations.Where(o => o.Id == organiserId).Select(o => o.WardId);
        return await db.Organisations.AsNoTracking()
            .Where(o => wardId.Contains(o.WardId) || (o.Kind == OrganisationKind.IntermediarySupport && o.WardId == null))
            .OrderBy(o => o.Kind).ThenBy(o => o.Id).ToListAsync(ct);
    }

    /// <summary>Meetings for a calendar feed: from <see cref="FeedHistory"/> ago onwards, in start order.</summary>
    public Task<List<Meeting>> ForFeedAsync(ClaimsPrincipal user, int? wardId, int? organisationId, DateTime nowUtc, CancellationToken ct)
    {
        var query = InWard(VisibleTo(user), wardId).Where(m => m.EndUtc >= nowUtc - FeedHistory);
        if (organisationId is { } orgId)
            query = query.Where(m => m.OrganisingOrganisationId == orgId || m.Participants.Any(p => p.OrganisationId == orgId));
        return query.Include(m => m.Ward).OrderBy(m => m.StartUtc).ThenBy(m => m.Id).Take(500).ToListAsync(ct);
    }

    /// <summary>
    /// Meetings for open data: public ones only, whoever asks (staff included), with ward and organiser, in start order.
    /// Bounds are UTC instants: start at or after <paramref name="fromUtc"/>, before <paramref name="beforeUtc"/>.
    /// </summary>
    public Task<List<Meeting>> PublicForOpenDataAsync(int? wardId, DateTime? fromUtc, DateTime? beforeUtc, CancellationToken ct)
    {
        var query = InWard(db.Set<Meeting>().AsNoTracking().Where(m => m.IsPublic), wardId);
        if (fromUtc is { } from) query = query.Where(m => m.StartUtc >= from);
        if (beforeUtc is { } before) query = query.Where(m => m.StartUtc < before);
        return query.Include(m => m.Ward).Include(m => m.OrganisingOrganisation)
            .OrderBy(m => m.StartUtc).ThenBy(m => m.Id).ToListAsync(ct);
    }

    private static IQueryable<Meeting> InWard(IQueryable<Meeting> meetings, int? wardId) =>
        wardId is { } id ? meetings.Where(m => m.WardId == id) : meetings;

    private static Task<List<MeetingSummary>> Summaries(IQueryable<Meeting> meetings, CancellationToken ct) =>
        meetings.Take(ListLimit)
            .Select(m => new MeetingSummary(m.Id, m.Title, m.Ward!.Name, m.StartUtc, m.EndUtc, m.Place, m.IsPublic,
                m.Minutes != null && m.Minutes.Status == MinutesStatus.Published))
            .ToListAsync(ct);
}
