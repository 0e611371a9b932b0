using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.Digests.Models;

public sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> delivery)
    {
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        delivery.HasOne(d => d.Run).WithMany(r => r.Deliveries).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne(d => d.Subscription).WithMany().OnDelete(DeleteBehavior.Cascade);
        delivery.HasIndex(d => new { d.RunId, d.SubscriptionId }).IsUnique();
        delivery.HasIndex(d => new { d.Status, d.NextAttemptUtc });
    }
}
