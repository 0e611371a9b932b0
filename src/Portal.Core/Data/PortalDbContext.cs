using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Modules;

namespace Portal.Core.Data;

/// <summary>
/// One context for the whole site; each module adds its own entities through <see cref="IPortalModule.ConfigureModel"/>.
/// Migrations live in one assembly per provider (Portal.Migrations.Sqlite / Portal.Migrations.PostgreSql).
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options, ModuleCatalog catalog)
    : IdentityDbContext<PortalUser, PortalRole, string>(options)
{
    public DbSet<Ward> Wards => Set<Ward>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<EnabledFeature> EnabledFeatures => Set<EnabledFeature>();
    public DbSet<RecipeExecution> RecipeExecutions => Set<RecipeExecution>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Ward>().HasIndex(w => w.Code).IsUnique();
        builder.Entity<Organisation>().HasIndex(o => o.Key).IsUnique();
        builder.Entity<EnabledFeature>().HasKey(f => f.Name);
        builder.Entity<RecipeExecution>().HasIndex(r => r.RecipeName).IsUnique();
        builder.Entity<PortalUser>().HasOne(u => u.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);

        foreach (var module in catalog.Modules)
            module.ConfigureModel(builder);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite would otherwise hand it back as Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
