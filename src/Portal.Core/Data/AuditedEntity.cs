using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Data;

/// <summary>
/// Content that staff edit: its version (optimistic concurrency) and who created and last changed it, when. The write
/// pipeline (<see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/>) sets all five on every save;
/// editors never do.
/// </summary>
public abstract class AuditedEntity : ILastModified
{
    public Guid Version { get; set; }

    public DateTime CreatedUtc { get; set; }

    [MaxLength(100)]
    public string CreatedBy { get; set; } = "";

    public DateTime ModifiedUtc { get; set; }

    [MaxLength(100)]
    public string ModifiedBy { get; set; } = "";
}

/// <summary>
/// Content stamped with its version and who last changed it, when, but not who created it (a row edited apart from the
/// content that creates it, e.g. a meeting's minutes). The write pipeline sets them as it does an <see cref="AuditedEntity"/>'s.
/// </summary>
public interface ILastModified : IVersioned
{
    DateTime ModifiedUtc { get; set; }

    string ModifiedBy { get; set; }
}

/// <summary>A snapshot in a content's history; the write pipeline stamps who made it and when, as it stamps the content.</summary>
public interface IRevision
{
    DateTime EditedUtc { get; set; }

    string EditedBy { get; set; }
}
