using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.SupportOrganisations.Models;

public sealed class SupportProfileConfiguration : IEntityTypeConfiguration<SupportProfile>
{
    public void Configure(EntityTypeBuilder<SupportProfile> profile)
    {
        profile.HasOne(p => p.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        // One profile per organisation.
        profile.HasIndex(p => p.OrganisationId).IsUnique();
        profile.HasIndex(p => p.IsPublished);
        profile.HasMany(p => p.Wards).WithOne().HasForeignKey(w => w.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
