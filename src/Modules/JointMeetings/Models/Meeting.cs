using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Search;

namespace Portal.Modules.JointMeetings.Models;

/// <summary>A 三者連絡会議: a liaison meeting organised by a ward office with its partner organisations.</summary>
public class Meeting : AuditedEntity, ISearchIndexed
{
    public const string SearchType = "meeting";

    /// <summary>The public pages that show this content carry this output-cache tag; a committed save evicts it.</summary>
    public const string CacheTag = PublicPageCache.ContentTagPrefix + "meeting";

    string ISearchIndexed.SearchContentType => SearchType;

    string ISearchIndexed.CacheTag => CacheTag;
    string ISearchIndexed.SearchKey => Id.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    [MaxLength(200)]
    public required string Title { get; set; }

    public int WardId { get; set; }
    public Ward? Ward { get; set; }

    /// <summary>The ward office that owns the meeting; only its staff edit it.</summary>
    public int OrganisingOrganisationId { get; set; }
    public Organisation? OrganisingOrganisation { get; set; }

    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    [MaxLength(200)]
    public string Place { get; set; } = "";

    [MaxLength(500)]
    public string OnlineUrl { get; set; } = "";

    [MaxLength(2000)]
    public string Description { get; set; } = "";

    /// <summary>Named people invited, one per line (organisations are invited as participants).</summary>
    [MaxLength(2000)]
    public string InvitedPeople { get; set; } = "";

    /// <summary>Private meetings are seen only by staff of the participating organisations and administrators.</summary>
    public bool IsPublic { get; set; }

    /// <summary>iCalendar SEQUENCE: raised whenever the time or place changes, so calendars replace the old entry.</summary>
    public int Sequence { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];

    public List<AgendaItem> Agenda { get; set; } = [];

    public MeetingMinutes? Minutes { get; set; }
}

/// <summary>An organisation taking part (the organiser always does), with the attendance recorded after the meeting.</summary>
/// <remarks>Participants decide who may find a private meeting, so they re-index it.</remarks>
public class MeetingParticipant : ISearchIndexed
{
    string ISearchIndexed.SearchContentType => Meeting.SearchType;
    string ISearchIndexed.CacheTag => Meeting.CacheTag;
    string ISearchIndexed.SearchKey => MeetingId.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>Null until attendance is recorded.</summary>
    public int? AttendeeCount { get; set; }

    [MaxLength(500)]
    public string AttendeeNames { get; set; } = "";
}

public class AgendaItem : ISearchIndexed
{
    string ISearchIndexed.SearchContentType => Meeting.SearchType;
    string ISearchIndexed.CacheTag => Meeting.CacheTag;
    string ISearchIndexed.SearchKey => MeetingId.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int Position { get; set; }

    /// <summary>Tokyo wall-clock time within the meeting.</summary>
    public TimeOnly StartsAt { get; set; }

    [MaxLength(200)]
    public required string Title { get; set; }

    public int? PresenterOrganisationId { get; set; }
    public Organisation? PresenterOrganisation { get; set; }
}

public enum MinutesStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>The minutes of one meeting; edited separately from the meeting so each has its own concurrency version.</summary>
/// <remarks>Published minutes are part of their meeting's search document.</remarks>
public class MeetingMinutes : ModifiedEntity, ISearchIndexed
{
    /// <summary>The stored (sanitised) minutes' limit: escaping can make them longer than what was typed.</summary>
    public const int BodyMaxLength = 50000;

    string ISearchIndexed.SearchContentType => Meeting.SearchType;
    string ISearchIndexed.CacheTag => Meeting.CacheTag;
    string ISearchIndexed.SearchKey => MeetingId.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Sanitised HTML.</summary>
    [MaxLength(BodyMaxLength)]
    public string Body { get; set; } = "";

    public MinutesStatus Status { get; set; }

    /// <summary>When residents could first read them; digests announce minutes by this date.</summary>
    public DateTime? FirstPublishedUtc { get; set; }

    public List<MinutesRevision> Revisions { get; set; } = [];
}

/// <summary>A snapshot written on every save of the minutes.</summary>
public class MinutesRevision : IRevision
{
    public int Id { get; set; }

    public int MinutesId { get; set; }

    public int Number { get; set; }

    [MaxLength(MeetingMinutes.BodyMaxLength)]
    public string Body { get; set; } = "";

    public MinutesStatus Status { get; set; }

    public DateTime EditedUtc { get; set; }

    [MaxLength(100)]
    public string EditedBy { get; set; } = "";
}
