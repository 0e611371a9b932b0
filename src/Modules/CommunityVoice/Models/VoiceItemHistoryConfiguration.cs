using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.CommunityVoice.Models;

public sealed class VoiceItemHistoryConfiguration : IEntityTypeConfiguration<VoiceItemHistory>
{
    public void Configure(EntityTypeBuilder<VoiceItemHistory> history) =>
        history.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
}
