using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.DistrictCouncils.Models;

public sealed class DistrictCouncilConfiguration : IEntityTypeConfiguration<DistrictCouncil>
{
    public void Configure(EntityTypeBuilder<DistrictCouncil> council)
    {
        council.HasOne(c => c.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
        council.HasOne(c => c.ManagingOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        council.HasIndex(c => new { c.WardId, c.IsPublished, c.Name });
        // One name per ward.
        council.HasIndex(c => new { c.WardId, c.Name }).IsUnique();
    }
}
