using System.ComponentModel.DataAnnotations;
using Portal.Core.Data;

namespace Portal.Modules.CommunityVoice.Models;

/// <summary>A department that answers voice items: of one ward office, or of the city (WardId null).</summary>
public class VoiceDepartment
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    [MaxLength(NameMaxLength)]
    public required string Name { get; set; }

    public int? WardId { get; set; }
    public Ward? Ward { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>What a voice is about (防災, 子育て…); the routing table maps it to a department.</summary>
public class VoiceCategory
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }

    [MaxLength(NameMaxLength)]
    public required string Name { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>One step of an item's handling. The lowest <see cref="SortOrder"/> is the status a new item starts in.</summary>
public class VoiceStatus
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }

    [MaxLength(NameMaxLength)]
    public required string Name { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The item needs no more work: it leaves the queue and is never overdue.</summary>
    public bool IsClosed { get; set; }

    /// <summary>Reaching this (closing) status publishes the item's response to residents.</summary>
    public bool IsPublicResponse { get; set; }
}

/// <summary>One row of the routing table: items of this category go to this department. WardId null is the city-wide default.</summary>
public class VoiceRoutingRule
{
    public int Id { get; set; }

    public int CategoryId { get; set; }
    public VoiceCategory? Category { get; set; }

    public int? WardId { get; set; }
    public Ward? Ward { get; set; }

    public int DepartmentId { get; set; }
    public VoiceDepartment? Department { get; set; }
}
