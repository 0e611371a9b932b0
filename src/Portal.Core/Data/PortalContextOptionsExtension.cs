using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Editing;
using Portal.Core.Modules;

namespace Portal.Core.Data;

/// <summary>
/// Carries the module catalog and the site's clock in the context options, so that <see cref="PortalDbContext"/> takes
/// its options alone and can be pooled (a pooled context is created from its options only).
/// </summary>
public sealed class PortalContextOptionsExtension(ModuleCatalog catalog, TimeProvider clock, CurrentEditor editor) : IDbContextOptionsExtension
{
    public ModuleCatalog Catalog { get; } = catalog;

    /// <summary>Stamps the change log, so that the search indexers compare its times with the same clock they read.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Who the audit stamps name.</summary>
    public CurrentEditor Editor { get; } = editor;

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

public static class PortalContextOptions
{
    /// <param name="clock">The site's TimeProvider; null (design-time tools): the system clock.</param>
    /// <param name="editor">The site's current-editor accessor; null (tools): writes are stamped as <see cref="CurrentEditor.System"/> or the <see cref="CurrentEditor.ActAs"/> author.</param>
    public static DbContextOptionsBuilder UsePortalModel(this DbContextOptionsBuilder builder, ModuleCatalog catalog, TimeProvider? clock = null, CurrentEditor? editor = null)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(
            new PortalContextOptionsExtension(catalog, clock ?? TimeProvider.System, editor ?? new CurrentEditor(null)));
        return builder;
    }

    public static DbContextOptionsBuilder<TContext> UsePortalModel<TContext>(this DbContextOptionsBuilder<TContext> builder, ModuleCatalog catalog,
        TimeProvider? clock = null, CurrentEditor? editor = null)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)builder).UsePortalModel(catalog, clock, editor);
}
