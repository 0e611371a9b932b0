using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Data;

/// <summary>
/// Content that staff edit: its version (optimistic concurrency) and who created and last changed it, when. The write
/// pipeline (<see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/>) sets all five on every save;
/// editors never do.
/// </summary>
public abstract class AuditedEntity : IVersioned
{
    public Guid Version { get; set; }

    public DateTime CreatedUtc { get; set; }

    [MaxLength(100)]
    public string CreatedBy { get; set; } = "";

    public DateTime ModifiedUtc { get; set; }

    [MaxLength(100)]
    public string ModifiedBy { get; set; } = "";
}

/// <summary>A snapshot in a content's history; the write pipeline stamps who made it and when, as it stamps the content.</summary>
public interface IRevision
{
    DateTime EditedUtc { get; set; }

    string EditedBy { get; set; }
}
