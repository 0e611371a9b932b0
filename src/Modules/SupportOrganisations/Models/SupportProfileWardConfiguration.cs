using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.SupportOrganisations.Models;

public sealed class SupportProfileWardConfiguration : IEntityTypeConfiguration<SupportProfileWard>
{
    public void Configure(EntityTypeBuilder<SupportProfileWard> ward)
    {
        ward.HasKey(w => new { w.ProfileId, w.WardId });
        ward.HasOne(w => w.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
        ward.HasIndex(w => w.WardId);
    }
}
