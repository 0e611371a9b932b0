using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Data;

/// <summary>
/// Content that staff edit and that records who changed it last, and when (but not who created it): its version
/// (optimistic concurrency) and the last change. The write pipeline
/// (<see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/>) sets all three on every save; editors never do.
/// </summary>
public abstract class ModifiedEntity : IVersioned
{
    public Guid Version { get; set; }

    public DateTime ModifiedUtc { get; set; }

    [MaxLength(100)]
    public string ModifiedBy { get; set; } = "";
}

/// <summary>Content that also records who created it, when; the write pipeline sets these on its first save.</summary>
public abstract class AuditedEntity : ModifiedEntity
{
    public DateTime CreatedUtc { get; set; }

    [MaxLength(100)]
    public string CreatedBy { get; set; } = "";
}

/// <summary>A snapshot in a content's history; the write pipeline stamps who made it and when, as it stamps the content.</summary>
public interface IRevision
{
    DateTime EditedUtc { get; set; }

    string EditedBy { get; set; }
}
