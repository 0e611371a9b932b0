using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.TaskForces.Models;

public sealed class TaskForceConfiguration : IEntityTypeConfiguration<TaskForce>
{
    public void Configure(EntityTypeBuilder<TaskForce> taskForce)
    {
        taskForce.HasOne(t => t.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
        taskForce.HasOne(t => t.OwnerOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        taskForce.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TaskForceId).OnDelete(DeleteBehavior.Cascade);
        taskForce.HasMany(t => t.WorkingGroups).WithOne().HasForeignKey(g => g.TaskForceId).OnDelete(DeleteBehavior.Cascade);
        taskForce.HasMany(t => t.Sessions).WithOne().HasForeignKey(s => s.TaskForceId).OnDelete(DeleteBehavior.Cascade);
        taskForce.HasMany(t => t.ActionItems).WithOne(a => a.TaskForce).HasForeignKey(a => a.TaskForceId).OnDelete(DeleteBehavior.Cascade);
        taskForce.HasIndex(t => new { t.WardId, t.Name });
        // One name per owning organisation.
        taskForce.HasIndex(t => new { t.OwnerOrganisationId, t.Name }).IsUnique();
    }
}
