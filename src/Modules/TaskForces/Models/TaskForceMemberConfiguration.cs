using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.TaskForces.Models;

public sealed class TaskForceMemberConfiguration : IEntityTypeConfiguration<TaskForceMember>
{
    public void Configure(EntityTypeBuilder<TaskForceMember> member)
    {
        member.HasOne(m => m.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        member.HasIndex(m => new { m.TaskForceId, m.OrganisationId }).IsUnique();
        member.HasIndex(m => m.OrganisationId);
    }
}
