using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Core.Digests;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Api;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Recipes;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings;

public sealed class JointMeetingsModule : PortalModule
{
    public override string Name => "JointMeetings";

    public override string DisplayName => "三者連絡会議";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<MeetingPermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("三者連絡会議", "/Meetings/Index", Order: 20),
        new("オープンデータ", "/OpenData/Index", Order: 95),
        new("会議の管理", "/Staff/Index", MeetingPermission.ManageMeetings, Order: 110),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MeetingQueries>();
        services.AddScoped<MeetingEditor>();
        services.AddScoped<IDigestSource, MeetingDigestSource>();
        services.AddScoped<ISearchDocumentSource, MeetingSearchSource>();
        services.AddScoped<IRecipeStepHandler, JointMeetingsStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(meeting =>
        {
            meeting.HasOne(m => m.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
            meeting.HasOne(m => m.OrganisingOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            meeting.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasOne(m => m.Minutes).WithOne(m => m.Meeting).HasForeignKey<MeetingMinutes>(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasIndex(m => new { m.WardId, m.StartUtc });
            meeting.HasIndex(m => new { m.OrganisingOrganisationId, m.StartUtc });
        });
        modelBuilder.Entity<MeetingParticipant>(participant =>
        {
            participant.HasOne(p => p.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            participant.HasIndex(p => new { p.MeetingId, p.OrganisationId }).IsUnique();
            participant.HasIndex(p => p.OrganisationId);
        });
        modelBuilder.Entity<AgendaItem>(item =>
        {
            item.HasOne(a => a.PresenterOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            item.HasIndex(a => new { a.MeetingId, a.Position });
        });
        modelBuilder.Entity<MeetingMinutes>(minutes =>
        {
            minutes.HasIndex(m => m.MeetingId).IsUnique();
            minutes.HasIndex(m => new { m.Status, m.FirstPublishedUtc });
            minutes.HasMany(m => m.Revisions).WithOne().HasForeignKey(r => r.MinutesId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MinutesRevision>().HasIndex(r => new { r.MinutesId, r.Number }).IsUnique();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        CalendarEndpoints.Map(endpoints);
        OpenDataEndpoints.Map(endpoints);
    }
}
