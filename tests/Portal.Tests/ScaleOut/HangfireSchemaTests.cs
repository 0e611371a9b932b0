using Npgsql;
using Portal.Modules.Digests.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ScaleOut;

/// <summary>
/// Hangfire.PostgreSql's own installer, run by several nodes at once on a new database, fails with
/// "duplicate key value violates unique constraint pg_namespace_nspname_index" (seen every time with four at once);
/// the portal installs the schema under an advisory lock instead.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HangfireSchemaTests(PostgresServer server)
{
    [Fact]
    public async Task Four_nodes_installing_the_Hangfire_schema_at_once_on_a_new_database_all_succeed()
    {
        var connectionString = await server.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => HangfireSchema.Install(connectionString, DigestHangfire.SchemaName))));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), max(version) FROM hangfire.schema", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1, reader.GetInt64(0));
        Assert.True(reader.GetInt32(1) > 3, "The upgrade scripts after the first ran too.");
    }
}
