using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;
using Portal.Core.Modules;

namespace Portal.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add`; the running site configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
                .UsePortalModel(ModuleCatalog.Discover(AppContext.BaseDirectory))
                .Options);
}
