using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.JointMeetings.Models;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.HasOne(m => m.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
        meeting.HasOne(m => m.OrganisingOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasOne(m => m.Minutes).WithOne(m => m.Meeting).HasForeignKey<MeetingMinutes>(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasIndex(m => new { m.WardId, m.StartUtc });
        meeting.HasIndex(m => new { m.OrganisingOrganisationId, m.StartUtc });
    }
}
