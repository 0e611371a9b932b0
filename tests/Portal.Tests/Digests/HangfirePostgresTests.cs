using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Portal.Modules.Digests.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

/// <summary>Hangfire's storage follows the database: Hangfire.PostgreSql when the portal runs on PostgreSQL.</summary>
[Collection(HangfireCollection.Name)]
public sealed class HangfirePostgresTests(PostgresServer server)
{
    [Fact]
    public async Task On_PostgreSQL_the_recurring_job_is_stored_in_PostgreSQL()
    {
        var settings = await server.HostSettingsAsync();
        settings["Portal:Digests:Enabled"] = "true";
        await using var host = await PortalTestHost.StartAsync(settings);

        var storage = host.Service<JobStorage>();
        Assert.IsType<PostgreSqlStorage>(storage);
        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DigestJob.RecurringJobId);
        Assert.Equal("Asia/Tokyo", job.TimeZoneId);
    }
}
