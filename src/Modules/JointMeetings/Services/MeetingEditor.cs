using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>
/// The module's use cases that write: a meeting, its attendance and its minutes, each checked (the organiser's staff only,
/// a ward office organising, participants and presenters of its ward, the stored length of the minutes, a create form
/// saved once, the version the form was rendered from) and saved. Recipe steps write through it too. Stamps, the change
/// log and cache eviction are the shared write pipeline's (PortalDbContext).
/// </summary>
public sealed class MeetingEditor(
    PortalDbContext db, MeetingQueries queries, RichText richText, StoredRichText storedRichText, FormSubmissions submissions, TimeProvider clock,
    IStringLocalizer<Strings> T)
{
    public const string CreateMeetingForm = "meetings.create";

    /// <summary>Creates (<paramref name="id"/> null, from a form sent once) or edits a meeting with its participants and agenda.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> SaveMeetingAsync(ClaimsPrincipal user, int? id, MeetingInput input, bool inputIsValid, SentForm? sent,
        CancellationToken ct)
    {
        if (!user.HasPermission(MeetingPermission.ManageMeetings)) return EditResult.Forbidden;
        Meeting? meeting = null;
        if (id is not null)
        {
            meeting = await db.Set<Meeting>().Include(m => m.Participants).Include(m => m.Agenda)
                .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (meeting is null) return EditResult.NotFound;
            if (!user.CanEdit(meeting)) return EditResult.Forbidden;
        }

        var errors = new List<FieldError>();
        var organiserId = user.OrganiserIdFor(input.OrganiserId, meeting?.OrganisingOrganisationId);
        var organiser = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organiserId, ct);
        if (organiser is not { Kind: OrganisationKind.WardOffice, WardId: not null })
        {
            if (!user.IsAdministrator()) return EditResult.Forbidden;
            errors.Add(new(nameof(input.OrganiserId), T["主催組織には区役所を選択してください。"]));
        }
        if (input.Start is { } start && input.End is { } end && end <= start)
            errors.Add(new(nameof(input.End), T["終了日時は開始日時より後にしてください。"]));
        var onlineUrl = input.OnlineUrl?.Trim() ?? "";
        if (onlineUrl.Length > 0 && !(Uri.TryCreate(onlineUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add(new(nameof(input.OnlineUrl), T["オンライン会議のURLは http:// または https:// で始まる正しいURLを入力してください。"]));
        var choices = await queries.ParticipantChoicesAsync(organiserId, ct);
        if (input.ParticipantIds.Any(pid => choices.All(o => o.Id != pid)))
            errors.Add(new(nameof(input.ParticipantIds), T["参加組織は主催する区の組織から選んでください。"]));
        if (meeting is null && sent is not null && submissions.MissingKey(sent) is { } missingKey)
            errors.Add(missingKey);

        var participantIds = input.ParticipantIds.Append(organiserId).Distinct().ToList();
        List<AgendaItem> agenda = [];
        if (input.Start is { } s && input.End is { } e && e > s)
        {
            var participants = choices.Where(o => participantIds.Contains(o.Id)).ToList();
            var (items, agendaErrors) = AgendaText.Parse(input.Agenda, TimeOnly.FromDateTime(s), TimeOnly.FromDateTime(e), participants);
            errors.AddRange(agendaErrors.Select(error => new FieldError(nameof(input.Agenda), T[error.Message, error.Arguments])));
            agenda = items;
        }

        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        if (meeting is not null)
        {
            Apply(meeting, input, organiserId, organiser!.WardId!.Value, onlineUrl, participantIds, agenda);
            return await SaveMeetingAsync(meeting, input.Version, ct);
        }
        var created = new Meeting { Title = "" };
        Apply(created, input, organiserId, organiser!.WardId!.Value, onlineUrl, participantIds, agenda);
        return await submissions.SaveOnceAsync(sent ?? throw new ArgumentNullException(nameof(sent)), CreateMeetingForm,
            () => SaveMeetingAsync(created, input.Version, ct), ct);
    }

    /// <summary>Records the attendance of a meeting's participants (a participant without a row: none recorded).</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: nothing is saved.</param>
    public async Task<EditResult> RecordAttendanceAsync(ClaimsPrincipal user, int meetingId, IReadOnlyList<AttendanceRow> rows, Guid version,
        bool inputIsValid, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return EditResult.NotFound;
        if (!user.CanEdit(meeting)) return EditResult.Forbidden;

        var errors = new List<FieldError>();
        // A post without a single row (another content type, an empty body) must not erase the attendance on record.
        if (rows.Count == 0)
            errors.Add(new("", T["出席の内容を読み取れませんでした。ページを開き直してから、もう一度保存してください。"]));
        if (rows.Any(r => meeting.Participants.All(p => p.OrganisationId != r.OrganisationId)))
            errors.Add(new("", T["出席は参加組織についてだけ記録できます。"]));
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        foreach (var participant in meeting.Participants)
        {
            var row = rows.FirstOrDefault(r => r.OrganisationId == participant.OrganisationId);
            participant.AttendeeCount = row?.Count;
            participant.AttendeeNames = row?.Names?.Trim() ?? "";
        }
        return await SaveMeetingAsync(meeting, version, ct);
    }

    /// <summary>Writes a meeting's minutes (created on the first save), as a draft or published, with their revision.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: nothing is saved.</param>
    public async Task<EditResult> SaveMinutesAsync(ClaimsPrincipal user, int meetingId, MinutesInput input, bool publish, bool inputIsValid,
        CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().Include(m => m.Minutes).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return EditResult.NotFound;
        if (!user.CanEdit(meeting)) return EditResult.Forbidden;
        if (!inputIsValid)
            return EditResult.Invalid([]);
        var (body, refused) = storedRichText.Sanitise(input.Body, MeetingMinutes.BodyMaxLength, nameof(input.Body));
        if (refused is not null)
            return refused;
        return await SaveMinutesAsync(meeting, input.Version, body, publish ? MinutesStatus.Published : MinutesStatus.Draft,
            clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>
    /// Adds a recipe's meeting with its participants and agenda, unless its ward has a meeting of that title at that start
    /// already (then false: it is left as it is).
    /// </summary>
    public Task<bool> ImportMeetingAsync(Meeting meeting, CancellationToken ct) =>
        db.ImportUnlessPresentAsync(meeting,
            () => db.Set<Meeting>().AnyAsync(m => m.WardId == meeting.WardId && m.Title == meeting.Title && m.StartUtc == meeting.StartUtc, ct), ct);

    /// <summary>Writes a recipe meeting's minutes, published at <paramref name="publishedUtc"/> (null: a draft), with their first revision.</summary>
    public Task ImportMinutesAsync(Meeting meeting, string bodyHtml, DateTime? publishedUtc, CancellationToken ct) =>
        SaveMinutesAsync(meeting, Guid.Empty, richText.Sanitize(bodyHtml),
            publishedUtc is null ? MinutesStatus.Draft : MinutesStatus.Published, publishedUtc ?? default, ct);

    /// <summary>Saves a tracked (or new) meeting whose fields are set, raising its iCalendar sequence when its time or place changed.</summary>
    private Task<EditResult> SaveMeetingAsync(Meeting meeting, Guid expectedVersion, CancellationToken ct)
    {
        var entry = db.Entry(meeting);
        // A new time or place is a new iCal SEQUENCE for the invitations already sent.
        if (entry.State != EntityState.Detached
            && (Changed(entry, m => m.StartUtc) || Changed(entry, m => m.EndUtc) || Changed(entry, m => m.Place) || Changed(entry, m => m.OnlineUrl)))
            meeting.Sequence++;
        return db.SaveEditAsync(meeting, expectedVersion,
            T["この会議は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"], ct);
    }

    /// <summary>Applies an edit to the meeting's (tracked or new) minutes and records the revision in the same save.</summary>
    private async Task<EditResult> SaveMinutesAsync(Meeting meeting, Guid expectedVersion, string sanitisedBody, MinutesStatus status,
        DateTime nowUtc, CancellationToken ct)
    {
        var minutes = meeting.Minutes;
        if (minutes is null)
        {
            // A form rendered before anyone wrote minutes carries an empty version; someone else creating them first is a conflict.
            if (expectedVersion != Guid.Empty) return await MinutesConflictAsync(meeting.Id, ct);
            minutes = new MeetingMinutes { MeetingId = meeting.Id };
            db.Add(minutes);
        }

        if (status == MinutesStatus.Published)
            minutes.FirstPublishedUtc ??= nowUtc;
        minutes.Body = sanitisedBody;
        minutes.Status = status;
        var lastNumber = minutes.Id == 0
            ? 0
            : await db.Set<MinutesRevision>().Where(r => r.MinutesId == minutes.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        minutes.Revisions.Add(new MinutesRevision { Number = lastNumber + 1, Body = minutes.Body, Status = status });
        if (minutes.Id != 0)
            return await db.SaveEditAsync(minutes, expectedVersion, MinutesConflictMessage, ct);

        // The unique index on MeetingId: another editor created the minutes at the same moment.
        return await db.SaveUnlessTakenAsync(() => db.Set<MeetingMinutes>().AnyAsync(m => m.MeetingId == meeting.Id, ct), ct)
            ? EditResult.Saved(minutes.Id)
            : await MinutesConflictAsync(meeting.Id, ct);
    }

    private string MinutesConflictMessage => T["この議事録は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"];

    /// <summary>The minutes as they are now (none: no one to name, an empty version), for a save that lost to another.</summary>
    private async Task<EditResult> MinutesConflictAsync(int meetingId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.Set<MeetingMinutes>().AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        return EditResult.Conflicted(new EditConflict(current?.ModifiedBy ?? "", current?.ModifiedUtc ?? default, current?.Version ?? Guid.Empty,
            MinutesConflictMessage));
    }

    private static bool Changed<T>(EntityEntry<Meeting> entry, System.Linq.Expressions.Expression<Func<Meeting, T>> property)
    {
        var p = entry.Property(property);
        return !EqualityComparer<T>.Default.Equals(p.OriginalValue, p.CurrentValue);
    }

    private static void Apply(Meeting meeting, MeetingInput input, int organiserId, int wardId, string onlineUrl, List<int> participantIds,
        List<AgendaItem> agenda)
    {
        meeting.Title = input.Title.Trim();
        meeting.OrganisingOrganisationId = organiserId;
        meeting.WardId = wardId;
        meeting.StartUtc = TokyoTime.ToUtc(input.Start!.Value);
        meeting.EndUtc = TokyoTime.ToUtc(input.End!.Value);
        meeting.Place = input.Place?.Trim() ?? "";
        meeting.OnlineUrl = onlineUrl;
        meeting.Description = input.Description?.Trim() ?? "";
        meeting.InvitedPeople = input.InvitedPeople?.Trim() ?? "";
        meeting.IsPublic = input.IsPublic;
        // Attendance already recorded stays with the organisations that remain.
        meeting.Participants.RemoveAll(p => !participantIds.Contains(p.OrganisationId));
        foreach (var pid in participantIds.Where(pid => meeting.Participants.All(p => p.OrganisationId != pid)))
            meeting.Participants.Add(new MeetingParticipant { OrganisationId = pid });
        meeting.Agenda.Clear();
        meeting.Agenda.AddRange(agenda);
    }
}
