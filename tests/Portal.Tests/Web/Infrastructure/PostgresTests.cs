using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web.Infrastructure;

/// <summary>The same setup and write paths on a real PostgreSQL server; each test has its own database.</summary>
[Collection(PostgresCollection.Name)]
public class PostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Default_recipe_sets_up_an_empty_PostgreSQL_database_and_a_restart_does_not_run_it_again()
    {
        var settings = await server.HostSettingsAsync();
        Dictionary<string, int> firstCounts;
        await using (var host = await PortalTestHost.StartAsync(settings))
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await host.QueryAsync(db => Task.FromResult(db.Database.ProviderName)));
            await SiteExpectations.AssertDefaultRecipeSetUpAsync(host);
            firstCounts = await SiteExpectations.CountRowsAsync(host);
        }

        await using var restarted = await PortalTestHost.StartAsync(settings);
        Assert.Equal(firstCounts, await SiteExpectations.CountRowsAsync(restarted));
    }

    [Fact]
    public async Task Staff_publishes_an_update_on_PostgreSQL_and_residents_see_it()
    {
        await using var host = await PortalTestHost.StartAsync(await server.HostSettingsAsync());
        await Scenarios.StaffPublishesUpdateAndResidentsSeeItAsync(host);
    }

    [Fact]
    public async Task Concurrent_edits_of_an_update_conflict_on_PostgreSQL()
    {
        await using var host = await PortalTestHost.StartAsync(await server.HostSettingsAsync());
        await Scenarios.SecondSaveOfTheSameVersionConflictsAsync(host);
    }
}
