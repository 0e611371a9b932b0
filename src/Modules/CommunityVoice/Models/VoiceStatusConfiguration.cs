using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.CommunityVoice.Models;

public sealed class VoiceStatusConfiguration : IEntityTypeConfiguration<VoiceStatus>
{
    public void Configure(EntityTypeBuilder<VoiceStatus> status) => status.HasIndex(s => s.Name).IsUnique();
}
