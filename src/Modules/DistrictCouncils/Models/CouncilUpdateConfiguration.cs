using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.DistrictCouncils.Models;

public sealed class CouncilUpdateConfiguration : IEntityTypeConfiguration<CouncilUpdate>
{
    public void Configure(EntityTypeBuilder<CouncilUpdate> update)
    {
        update.HasOne(u => u.Council).WithMany(c => c.Updates).OnDelete(DeleteBehavior.Cascade);
        update.HasOne(u => u.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        update.HasMany(u => u.Revisions).WithOne().HasForeignKey(r => r.UpdateId).OnDelete(DeleteBehavior.Cascade);
        update.HasIndex(u => new { u.CouncilId, u.Status, u.PublishedUtc });
    }
}
