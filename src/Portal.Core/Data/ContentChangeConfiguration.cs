using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Search;

namespace Portal.Core.Data;

public sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> change)
    {
        change.Property(c => c.ContentType).HasMaxLength(50);
        change.Property(c => c.ContentKey).HasMaxLength(100);
        // Every indexer re-reads the last minute of the log each second; without this it scans the whole log.
        change.HasIndex(c => c.ChangedUtc);
    }
}
