using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.Digests.Models;

public sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> subscription)
    {
        subscription.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(10);
        subscription.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        subscription.HasOne(s => s.Ward).WithMany().OnDelete(DeleteBehavior.Cascade);
        subscription.HasOne(s => s.Organisation).WithMany().OnDelete(DeleteBehavior.Cascade);
        // One subscription per user and (ward, organisation); NULLs are distinct in a unique index, so a subscription
        // to a ward alone or an organisation alone has its own filtered index (the SQL reads the same on both providers).
        subscription.HasIndex(s => new { s.UserId, s.WardId, s.OrganisationId }).IsUnique();
        subscription.HasIndex(s => new { s.UserId, s.WardId }).IsUnique().HasFilter("\"OrganisationId\" IS NULL");
        subscription.HasIndex(s => new { s.UserId, s.OrganisationId }).IsUnique().HasFilter("\"WardId\" IS NULL");
        subscription.HasIndex(s => s.Frequency);
    }
}
