using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Modules;

namespace Portal.Web.Infrastructure;

/// <summary>The site's context on the provider <see cref="DatabaseOptions"/> names, with that provider's migrations assembly.</summary>
public static class DatabaseConfiguration
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseOptions.Read(configuration);
        if (database.IsPostgreSql && database.ConnectionString is null)
            throw new InvalidOperationException("ConnectionStrings:Portal must be set when Portal:Database:Provider is PostgreSql.");
        var connectionString = database.ConnectionString ?? DefaultSqliteConnectionString(contentRoot);

        // Pooled: a page then reuses a context instead of building one (and its EF service scope) per request.
        services.AddDbContextPool<PortalDbContext>((serviceProvider, options) =>
        {
            options.UsePortalModel(serviceProvider.GetRequiredService<ModuleCatalog>(), serviceProvider.GetRequiredService<TimeProvider>(),
                serviceProvider.GetRequiredService<CurrentEditor>());
            options.AddInterceptors(serviceProvider.GetRequiredService<ContentCommitInterceptor>());
            if (database.IsPostgreSql)
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Portal.Migrations.PostgreSql"));
            else
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Portal.Migrations.Sqlite"));
        });
        return services;
    }

    private static string DefaultSqliteConnectionString(string contentRoot)
    {
        var dataDirectory = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "portal.db"),
            // Microsoft.Data.Sqlite retries a locked database until this many seconds pass: the busy timeout.
            DefaultTimeout = 30,
        }.ToString();
    }
}
