using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Core.Digests;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Recipes;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces;

public sealed class TaskForcesModule : PortalModule
{
    public override string Name => "TaskForces";

    public override string DisplayName => "タスクフォース";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<TaskForcePermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("タスクフォース", "/TaskForces/Index", Order: 30),
        new("期限切れアクション", "/TaskForces/Overdue", TaskForcePermission.UpdateActionItems, Order: 120),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TaskForceQueries>();
        services.AddScoped<TaskForceEditor>();
        services.AddScoped<IDigestSource, TaskForceDigestSource>();
        services.AddScoped<ISearchDocumentSource, TaskForceSearchSource>();
        services.AddScoped<IRecipeStepHandler, TaskForcesStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TaskForce>(taskForce =>
        {
            taskForce.HasOne(t => t.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
            taskForce.HasOne(t => t.OwnerOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            taskForce.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TaskForceId).OnDelete(DeleteBehavior.Cascade);
            taskForce.HasMany(t => t.WorkingGroups).WithOne().HasForeignKey(g => g.TaskForceId).OnDelete(DeleteBehavior.Cascade);
            taskForce.HasMany(t => t.Sessions).WithOne().HasForeignKey(s => s.TaskForceId).OnDelete(DeleteBehavior.Cascade);
            taskForce.HasMany(t => t.ActionItems).WithOne(a => a.TaskForce).HasForeignKey(a => a.TaskForceId).OnDelete(DeleteBehavior.Cascade);
            taskForce.HasIndex(t => new { t.WardId, t.Name });
            // One name per owning organisation.
            taskForce.HasIndex(t => new { t.OwnerOrganisationId, t.Name }).IsUnique();
        });
        modelBuilder.Entity<TaskForceMember>(member =>
        {
            member.HasOne(m => m.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            member.HasIndex(m => new { m.TaskForceId, m.OrganisationId }).IsUnique();
            member.HasIndex(m => m.OrganisationId);
        });
        modelBuilder.Entity<WorkingGroup>().HasIndex(g => new { g.TaskForceId, g.Name }).IsUnique();
        modelBuilder.Entity<TaskForceSession>(session =>
        {
            // A working group with sessions cannot be removed (the editor says so); the database agrees.
            session.HasOne(s => s.WorkingGroup).WithMany().OnDelete(DeleteBehavior.Restrict);
            session.HasMany(s => s.Decisions).WithOne().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => new { s.TaskForceId, s.StartUtc });
        });
        modelBuilder.Entity<Decision>().HasIndex(d => new { d.SessionId, d.Number }).IsUnique();
        modelBuilder.Entity<ActionItem>(item =>
        {
            item.HasOne(a => a.OwnerOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            item.HasOne(a => a.Session).WithMany().OnDelete(DeleteBehavior.SetNull);
            item.HasOne(a => a.Decision).WithMany().OnDelete(DeleteBehavior.SetNull);
            item.HasIndex(a => new { a.Status, a.DueDate });
            item.HasIndex(a => a.OwnerOrganisationId);
        });
    }
}
