using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.JointMeetings.Models;

public sealed class MinutesRevisionConfiguration : IEntityTypeConfiguration<MinutesRevision>
{
    public void Configure(EntityTypeBuilder<MinutesRevision> revision) => revision.HasIndex(r => new { r.MinutesId, r.Number }).IsUnique();
}
