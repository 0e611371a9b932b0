using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.DistrictCouncils.Models;

public sealed class CouncilUpdateRevisionConfiguration : IEntityTypeConfiguration<CouncilUpdateRevision>
{
    public void Configure(EntityTypeBuilder<CouncilUpdateRevision> revision) => revision.HasIndex(r => new { r.UpdateId, r.Number }).IsUnique();
}
