using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.SupportOrganisations.Models;

public sealed class SupportChoiceConfiguration : IEntityTypeConfiguration<SupportChoice>
{
    public void Configure(EntityTypeBuilder<SupportChoice> choice)
    {
        choice.HasOne(c => c.Council).WithMany().OnDelete(DeleteBehavior.Cascade);
        choice.HasOne(c => c.Profile).WithMany().OnDelete(DeleteBehavior.Restrict);
        // One choice per council and fiscal year.
        choice.HasIndex(c => new { c.CouncilId, c.FiscalYear }).IsUnique();
    }
}
