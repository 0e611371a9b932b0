using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Recipes;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice;

public sealed class CommunityVoiceModule : PortalModule
{
    public override string Name => "CommunityVoice";

    public override string DisplayName => "地域の声";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<VoicePermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("地域の声", "/Voice/Index", Order: 20),
        new("地域の声の対応", "/Staff/Queue", VoicePermission.RaiseVoiceItems, Order: 110),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<VoiceQueries>();
        services.AddScoped<VoiceRouter>();
        services.AddScoped<VoiceEditor>();
        services.AddScoped<IRecipeStepHandler, CommunityVoiceStep>();
        services.AddScoped<ISearchDocumentSource, VoiceSearchSource>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VoiceDepartment>(department =>
        {
            department.HasOne(d => d.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
            department.HasIndex(d => new { d.WardId, d.Name }).IsUnique();
        });
        modelBuilder.Entity<VoiceCategory>().HasIndex(c => c.Name).IsUnique();
        modelBuilder.Entity<VoiceStatus>().HasIndex(s => s.Name).IsUnique();
        modelBuilder.Entity<VoiceRoutingRule>(rule =>
        {
            rule.HasOne(r => r.Category).WithMany().OnDelete(DeleteBehavior.Cascade);
            rule.HasOne(r => r.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
            rule.HasOne(r => r.Department).WithMany().OnDelete(DeleteBehavior.Restrict);
            rule.HasIndex(r => new { r.CategoryId, r.WardId }).IsUnique();
        });
        modelBuilder.Entity<VoiceItem>(item =>
        {
            item.HasOne(i => i.Ward).WithMany().OnDelete(DeleteBehavior.Restrict);
            item.HasOne(i => i.Category).WithMany().OnDelete(DeleteBehavior.Restrict);
            item.HasOne(i => i.Department).WithMany().OnDelete(DeleteBehavior.Restrict);
            item.HasOne(i => i.Status).WithMany().OnDelete(DeleteBehavior.Restrict);
            item.HasOne(i => i.RaisedByOrganisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            item.HasMany(i => i.History).WithOne().HasForeignKey(h => h.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
            item.HasIndex(i => new { i.IsPublic, i.WardId, i.RaisedOn });
            item.HasIndex(i => new { i.DepartmentId, i.TargetResponseDate });
        });
        modelBuilder.Entity<VoiceItemHistory>().Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
