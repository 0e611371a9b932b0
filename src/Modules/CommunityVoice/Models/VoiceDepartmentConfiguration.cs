using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.CommunityVoice.Models;

public sealed class VoiceDepartmentConfiguration : IEntityTypeConfiguration<VoiceDepartment>
{
    public void Configure(EntityTypeBuilder<VoiceDepartment> department)
    {
        department.HasOne(d => d.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
        department.HasIndex(d => new { d.WardId, d.Name }).IsUnique();
    }
}
