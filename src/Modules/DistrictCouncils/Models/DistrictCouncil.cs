using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Search;

namespace Portal.Modules.DistrictCouncils.Models;

/// <summary>What deciding access to a council needs: a loaded council or the council page's profile of one.</summary>
public interface ICouncilScope
{
    bool IsPublished { get; }
    int WardId { get; }
    int ManagingOrganisationId { get; }
}

/// <summary>A 地域活動協議会: roughly one elementary-school district, managed by one partner organisation.</summary>
public class DistrictCouncil : AuditedEntity, ISearchIndexed, ICouncilScope
{
    public const string SearchType = "council";

    /// <summary>The public pages that show this content carry this output-cache tag; a committed save evicts it.</summary>
    public const string CacheTag = PublicPageCache.ContentTagPrefix + "council";

    string ISearchIndexed.SearchContentType => SearchType;

    string ISearchIndexed.CacheTag => CacheTag;
    string ISearchIndexed.SearchKey => Id.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    [MaxLength(120)]
    public required string Name { get; set; }

    public int WardId { get; set; }
    public Ward? Ward { get; set; }

    /// <summary>The organisation whose staff may edit this profile.</summary>
    public int ManagingOrganisationId { get; set; }
    public Organisation? ManagingOrganisation { get; set; }

    /// <summary>School district(s) or area covered, free text.</summary>
    [MaxLength(200)]
    public string Area { get; set; } = "";

    public ActivityFields Fields { get; set; }

    [MaxLength(4000)]
    public string Description { get; set; } = "";

    [MaxLength(100)]
    public string ContactName { get; set; } = "";

    [MaxLength(30)]
    public string ContactPhone { get; set; } = "";

    [MaxLength(254)]
    public string ContactEmail { get; set; } = "";

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public bool IsPublished { get; set; }

    public List<CouncilUpdate> Updates { get; set; } = [];
}

public enum UpdateStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>News posted about a council by staff of one organisation; that organisation owns it.</summary>
public class CouncilUpdate : AuditedEntity, ISearchIndexed
{
    public const string SearchType = "council-update";

    /// <summary>The public pages that show this content carry this output-cache tag; a committed save evicts it.</summary>
    public const string CacheTag = PublicPageCache.ContentTagPrefix + "council-update";

    /// <summary>The stored (sanitised) body's limit: escaping can make it longer than what was typed.</summary>
    public const int BodyMaxLength = 20000;

    string ISearchIndexed.SearchContentType => SearchType;

    string ISearchIndexed.CacheTag => CacheTag;
    string ISearchIndexed.SearchKey => Id.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    public int CouncilId { get; set; }
    public DistrictCouncil? Council { get; set; }

    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    [MaxLength(200)]
    public required string Title { get; set; }

    /// <summary>Sanitised HTML.</summary>
    [MaxLength(BodyMaxLength)]
    public string Body { get; set; } = "";

    public UpdateStatus Status { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public List<CouncilUpdateRevision> Revisions { get; set; } = [];
}

/// <summary>A snapshot written on every save of an update: its version history.</summary>
public class CouncilUpdateRevision : IRevision
{
    public int Id { get; set; }

    public int UpdateId { get; set; }

    public int Number { get; set; }

    [MaxLength(200)]
    public required string Title { get; set; }

    [MaxLength(CouncilUpdate.BodyMaxLength)]
    public string Body { get; set; } = "";

    public UpdateStatus Status { get; set; }

    public DateTime EditedUtc { get; set; }

    [MaxLength(100)]
    public string EditedBy { get; set; } = "";
}
