using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;
using Portal.Core.Modules;

namespace Portal.Migrations.PostgreSql;

/// <summary>Used only by `dotnet ef migrations add`; no server is contacted to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
                .UseNpgsql("Host=localhost;Database=portal_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
                .UsePortalModel(ModuleCatalog.Discover(AppContext.BaseDirectory))
                .Options);
}
