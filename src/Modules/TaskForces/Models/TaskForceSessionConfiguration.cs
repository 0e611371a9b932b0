using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.TaskForces.Models;

public sealed class TaskForceSessionConfiguration : IEntityTypeConfiguration<TaskForceSession>
{
    public void Configure(EntityTypeBuilder<TaskForceSession> session)
    {
        // A working group with sessions cannot be removed (the editor says so); the database agrees.
        session.HasOne(s => s.WorkingGroup).WithMany().OnDelete(DeleteBehavior.Restrict);
        session.HasMany(s => s.Decisions).WithOne().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => new { s.TaskForceId, s.StartUtc });
    }
}
