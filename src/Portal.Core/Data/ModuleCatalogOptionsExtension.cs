using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;

namespace Portal.Core.Data;

/// <summary>
/// Carries the module catalog in the context options, so that <see cref="PortalDbContext"/> takes its options alone
/// and can be pooled (a pooled context is created from its options only).
/// </summary>
public sealed class ModuleCatalogOptionsExtension(ModuleCatalog catalog) : IDbContextOptionsExtension
{
    public ModuleCatalog Catalog { get; } = catalog;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) { }

    public void Validate(IDbContextOptions options) { }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) { }
    }
}

public static class ModuleCatalogOptions
{
    public static DbContextOptionsBuilder UseModuleCatalog(this DbContextOptionsBuilder builder, ModuleCatalog catalog)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ModuleCatalogOptionsExtension(catalog));
        return builder;
    }

    public static DbContextOptionsBuilder<TContext> UseModuleCatalog<TContext>(this DbContextOptionsBuilder<TContext> builder, ModuleCatalog catalog)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)builder).UseModuleCatalog(catalog);
}
