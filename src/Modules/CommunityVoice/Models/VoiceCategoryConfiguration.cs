using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.CommunityVoice.Models;

public sealed class VoiceCategoryConfiguration : IEntityTypeConfiguration<VoiceCategory>
{
    public void Configure(EntityTypeBuilder<VoiceCategory> category) => category.HasIndex(c => c.Name).IsUnique();
}
