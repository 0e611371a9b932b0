using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Modules;

namespace Portal.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Chooses the provider and its migrations assembly from configuration: Portal:Database:Provider (Sqlite, the
/// embedded default, or PostgreSql) and ConnectionStrings:Portal (empty: App_Data/portal.db under the content root).
/// </summary>
public static class DatabaseConfiguration
{
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Portal:Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Portal:Database:Provider '{value}' is neither Sqlite nor PostgreSql.");
    }

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:Portal must be set when Portal:Database:Provider is PostgreSql.");
        if (string.IsNullOrWhiteSpace(connectionString))
            connectionString = DefaultSqliteConnectionString(contentRoot);

        // Pooled: a page then reuses a context instead of building one (and its EF service scope) per request.
        services.AddDbContextPool<PortalDbContext>((serviceProvider, options) =>
        {
            options.UsePortalModel(serviceProvider.GetRequiredService<ModuleCatalog>(), serviceProvider.GetRequiredService<TimeProvider>(),
                serviceProvider.GetRequiredService<CurrentEditor>());
            options.AddInterceptors(serviceProvider.GetRequiredService<ContentCommitInterceptor>());
            if (provider == DatabaseProvider.Sqlite)
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Portal.Migrations.Sqlite"));
            else
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Portal.Migrations.PostgreSql"));
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
