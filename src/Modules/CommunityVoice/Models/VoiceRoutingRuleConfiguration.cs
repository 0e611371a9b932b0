using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.CommunityVoice.Models;

public sealed class VoiceRoutingRuleConfiguration : IEntityTypeConfiguration<VoiceRoutingRule>
{
    public void Configure(EntityTypeBuilder<VoiceRoutingRule> rule)
    {
        rule.HasOne(r => r.Category).WithMany().OnDelete(DeleteBehavior.Cascade);
        rule.HasOne(r => r.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
        rule.HasOne(r => r.Department).WithMany().OnDelete(DeleteBehavior.Restrict);
        rule.HasIndex(r => new { r.CategoryId, r.WardId }).IsUnique();
    }
}
