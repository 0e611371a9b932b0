using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

[Collection(PostgresCollection.Name)]
public class SaveOnceMigrationPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Duplicates_left_by_the_race_are_mended_when_the_unique_indexes_arrive_on_PostgreSQL() =>
        await SaveOnceMigration.MigratesDuplicatesAsync(await server.HostSettingsAsync());
}
