using Hangfire.PostgreSql;
using Npgsql;

namespace Portal.Modules.Digests.Services;

/// <summary>
/// Creates or upgrades Hangfire's tables in PostgreSQL one node at a time. Hangfire.PostgreSql's installer runs its
/// scripts without a lock, so two nodes starting together on a new database can both run CREATE SCHEMA / CREATE TABLE
/// and one fails; here each waits for a session advisory lock first and then finds the schema current.
/// </summary>
public static class HangfireSchema
{
    /// <summary>An arbitrary constant that names this lock among the database's advisory locks ("hfschema" in ASCII).</summary>
    private const long LockKey = 0x6866_7363_6865_6D61;

    public static void Install(string connectionString, string schemaName)
    {
        // Pooling off: the session lock must die with this connection, not live on in the pool.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", LockKey);
            command.ExecuteNonQuery();
        }
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, schemaName);
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", LockKey);
            unlock.ExecuteNonQuery();
        }
    }
}
