using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.JointMeetings.Models;

public sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> minutes)
    {
        minutes.HasIndex(m => m.MeetingId).IsUnique();
        minutes.HasIndex(m => new { m.Status, m.FirstPublishedUtc });
        minutes.HasMany(m => m.Revisions).WithOne().HasForeignKey(r => r.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}
