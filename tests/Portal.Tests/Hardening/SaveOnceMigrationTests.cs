namespace Portal.Tests.Hardening;

public class SaveOnceMigrationTests
{
    [Fact]
    public Task Duplicates_left_by_the_race_are_mended_when_the_unique_indexes_arrive_on_SQLite() => SaveOnceMigration.MigratesDuplicatesAsync(null);
}
