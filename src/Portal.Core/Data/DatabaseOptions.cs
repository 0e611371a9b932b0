using Microsoft.Extensions.Configuration;

namespace Portal.Core.Data;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// The site's database: Portal:Database:Provider (Sqlite, the embedded default, or PostgreSql) and ConnectionStrings:Portal
/// (null when unset: with SQLite, App_Data/portal.db under the content root). Read here only, for the site's context and
/// for whatever else keeps its data there (the digests' Hangfire storage).
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string? ConnectionString)
{
    public const string ProviderSetting = "Portal:Database:Provider";
    public const string ConnectionStringName = "Portal";

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var value = configuration[ProviderSetting];
        var provider = string.IsNullOrWhiteSpace(value) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"{ProviderSetting} '{value}' is neither Sqlite nor PostgreSql.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return new DatabaseOptions(provider, string.IsNullOrWhiteSpace(connectionString) ? null : connectionString);
    }
}
