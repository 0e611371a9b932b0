using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Modules.JointMeetings.Models;

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> item)
    {
        item.HasOne(a => a.PresenterOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasIndex(a => new { a.MeetingId, a.Position });
    }
}
