using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.Digests.Models;

public sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> run)
    {
        run.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(10);
        run.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
        run.HasIndex(r => new { r.Frequency, r.PeriodKey }).IsUnique();
    }
}
