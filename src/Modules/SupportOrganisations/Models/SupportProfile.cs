using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.SupportOrganisations.Models;

/// <summary>The public profile of an intermediary support organisation (中間支援組織); that organisation's staff own it.</summary>
public class SupportProfile : AuditedEntity, ISearchIndexed
{
    public const string SearchType = "support-organisation";

    /// <summary>The public pages that show this content carry this output-cache tag; a committed save evicts it.</summary>
    public const string CacheTag = PublicPageCache.ContentTagPrefix + "support-organisation";

    string ISearchIndexed.SearchContentType => SearchType;

    string ISearchIndexed.CacheTag => CacheTag;
    string ISearchIndexed.SearchKey => Id.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    /// <summary>One profile per organisation (of kind IntermediarySupport).</summary>
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public SupportServices Services { get; set; }

    /// <summary>Anything the fixed service list does not say.</summary>
    [MaxLength(1000)]
    public string ServicesNote { get; set; } = "";

    [MaxLength(4000)]
    public string Description { get; set; } = "";

    /// <summary>Names and roles, one per line.</summary>
    [MaxLength(2000)]
    public string Staff { get; set; } = "";

    /// <summary>Past support with years, free text.</summary>
    [MaxLength(4000)]
    public string TrackRecord { get; set; } = "";

    [MaxLength(100)]
    public string ContactName { get; set; } = "";

    [MaxLength(30)]
    public string ContactPhone { get; set; } = "";

    [MaxLength(254)]
    public string ContactEmail { get; set; } = "";

    /// <summary>An absolute http or https URL, or empty.</summary>
    [MaxLength(300)]
    public string WebsiteUrl { get; set; } = "";

    public bool IsPublished { get; set; }

    public List<SupportProfileWard> Wards { get; set; } = [];
}

/// <summary>A ward the organisation works in.</summary>
public class SupportProfileWard
{
    public int ProfileId { get; set; }

    public int WardId { get; set; }
    public Ward? Ward { get; set; }
}

/// <summary>
/// The support organisation a council chose for one fiscal year, and why. One row per council and year:
/// changing the choice updates the row.
/// </summary>
public class SupportChoice : AuditedEntity
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }

    public int CouncilId { get; set; }
    public DistrictCouncil? Council { get; set; }

    /// <summary>The 年度, e.g. 2026 for April 2026 – March 2027.</summary>
    public int FiscalYear { get; set; }

    public int ProfileId { get; set; }
    public SupportProfile? Profile { get; set; }

    [MaxLength(ReasonMaxLength)]
    public string Reason { get; set; } = "";
}
