using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Search;

namespace Portal.Modules.CommunityVoice.Models;

public enum VoiceSource
{
    LiaisonStaff = 1,
    WardCouncil = 2,
    Other = 3,
}

/// <summary>
/// A voice of the community (地域の声): a request or concern heard by liaison staff or raised at a ward council (区政会議).
/// Residents may see the summary, place, category, department, status dates and the published response of a public item;
/// the details, the raiser's personal data and the handling notes stay with staff.
/// </summary>
public class VoiceItem : AuditedEntity, ISearchIndexed
{
    public const string SearchType = "voice-item";

    /// <summary>The public pages that show this content carry this output-cache tag; a committed save evicts it.</summary>
    public const string CacheTag = PublicPageCache.ContentTagPrefix + "voice-item";

    string ISearchIndexed.SearchContentType => SearchType;

    string ISearchIndexed.CacheTag => CacheTag;
    string ISearchIndexed.SearchKey => Id.ToString(CultureInfo.InvariantCulture);

    public const int SummaryMaxLength = 200;
    public const int DetailsMaxLength = 4000;
    public const int AreaNameMaxLength = 100;
    public const int SourceReferenceMaxLength = 200;
    public const int RaiserNameMaxLength = 100;
    public const int RaiserContactMaxLength = 200;
    public const int ResponseMaxLength = 4000;

    public int Id { get; set; }

    [MaxLength(SummaryMaxLength)]
    public required string Summary { get; set; }

    /// <summary>Plain text, for staff only.</summary>
    [MaxLength(DetailsMaxLength)]
    public string Details { get; set; } = "";

    public int WardId { get; set; }
    public Ward? Ward { get; set; }

    /// <summary>District activity council or area within the ward, free text (e.g. 菅北地域, 扇町公園周辺).</summary>
    [MaxLength(AreaNameMaxLength)]
    public string AreaName { get; set; } = "";

    public int CategoryId { get; set; }
    public VoiceCategory? Category { get; set; }

    /// <summary>Null when no routing rule covers the category yet.</summary>
    public int? DepartmentId { get; set; }
    public VoiceDepartment? Department { get; set; }

    public int StatusId { get; set; }
    public VoiceStatus? Status { get; set; }

    public VoiceSource Source { get; set; }

    /// <summary>Where it was heard, e.g. 第3回北区区政会議.</summary>
    [MaxLength(SourceReferenceMaxLength)]
    public string SourceReference { get; set; } = "";

    /// <summary>Day it was heard (Tokyo calendar date).</summary>
    public DateOnly RaisedOn { get; set; }

    /// <summary>Day by which the department should answer (Tokyo calendar date); after it an open item is overdue.</summary>
    public DateOnly? TargetResponseDate { get; set; }

    /// <summary>Personal data: never shown to residents nor indexed.</summary>
    [MaxLength(RaiserNameMaxLength)]
    public string RaiserName { get; set; } = "";

    /// <summary>Personal data: never shown to residents nor indexed.</summary>
    [MaxLength(RaiserContactMaxLength)]
    public string RaiserContact { get; set; } = "";

    /// <summary>The answer, plain text; residents see it once <see cref="ResponsePublishedUtc"/> is set.</summary>
    [MaxLength(ResponseMaxLength)]
    public string Response { get; set; } = "";

    public DateTime? ResponsePublishedUtc { get; set; }

    /// <summary>False hides the item from residents entirely (page, list and search).</summary>
    public bool IsPublic { get; set; } = true;

    /// <summary>The organisation whose staff recorded the item.</summary>
    public int RaisedByOrganisationId { get; set; }
    public Organisation? RaisedByOrganisation { get; set; }

    public List<VoiceItemHistory> History { get; set; } = [];

    public bool IsOverdue(DateOnly todayInTokyo) =>
        TargetResponseDate is { } target && target < todayInTokyo && Status?.IsClosed == false;

    /// <summary>The ward office has acted on the item (changed its status or re-routed it). Needs History loaded.</summary>
    public bool IsTakenUp => History.Any(h => h.Kind is VoiceHistoryKind.StatusChanged or VoiceHistoryKind.Rerouted);

    public bool HasPublishedResponse => ResponsePublishedUtc is not null && !string.IsNullOrWhiteSpace(Response);
}

public enum VoiceHistoryKind
{
    Received = 1,
    StatusChanged = 2,
    Rerouted = 3,
    CategoryChanged = 4,
    Noted = 5,
}

/// <summary>
/// One event of an item's handling. From/To are the names at the time, so renaming keeps history true: statuses for a
/// status change, categories for a category change, departments for re-routing and (To only) for receipt.
/// </summary>
public class VoiceItemHistory : IRevision
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }

    public int ItemId { get; set; }

    public VoiceHistoryKind Kind { get; set; }

    [MaxLength(100)]
    public string From { get; set; } = "";

    [MaxLength(100)]
    public string To { get; set; } = "";

    /// <summary>Internal note for staff; never shown to residents.</summary>
    [MaxLength(NoteMaxLength)]
    public string Note { get; set; } = "";

    public DateTime ChangedUtc { get; set; }

    [MaxLength(100)]
    public string ChangedBy { get; set; } = "";

    // The write pipeline stamps revisions by these names; the columns keep theirs.
    DateTime IRevision.EditedUtc { get => ChangedUtc; set => ChangedUtc = value; }

    string IRevision.EditedBy { get => ChangedBy; set => ChangedBy = value; }
}
