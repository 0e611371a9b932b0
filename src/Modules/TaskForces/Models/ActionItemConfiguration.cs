using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.TaskForces.Models;

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> item)
    {
        item.HasOne(a => a.OwnerOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasOne(a => a.Session).WithMany().OnDelete(DeleteBehavior.SetNull);
        item.HasOne(a => a.Decision).WithMany().OnDelete(DeleteBehavior.SetNull);
        item.HasIndex(a => new { a.Status, a.DueDate });
        item.HasIndex(a => a.OwnerOrganisationId);
    }
}
