using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.JointMeetings.Models;

public sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> participant)
    {
        participant.HasOne(p => p.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        participant.HasIndex(p => new { p.MeetingId, p.OrganisationId }).IsUnique();
        participant.HasIndex(p => p.OrganisationId);
    }
}
