using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.CommunityVoice.Models;

public sealed class VoiceItemConfiguration : IEntityTypeConfiguration<VoiceItem>
{
    public void Configure(EntityTypeBuilder<VoiceItem> item)
    {
        item.HasOne(i => i.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasOne(i => i.Category).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasOne(i => i.Department).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasOne(i => i.Status).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasOne(i => i.RaisedByOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasMany(i => i.History).WithOne().HasForeignKey(h => h.ItemId).OnDelete(DeleteBehavior.Cascade);
        item.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        item.HasIndex(i => new { i.IsPublic, i.WardId, i.RaisedOn });
        item.HasIndex(i => new { i.DepartmentId, i.TargetResponseDate });
    }
}
