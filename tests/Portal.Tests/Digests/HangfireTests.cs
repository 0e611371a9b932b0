using System.Net;
using Hangfire;
using Hangfire.Storage;
using Portal.Modules.Digests.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

/// <summary>AddHangfire writes static global state: every test that starts a Hangfire server lives in this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Hangfire";
}

[Collection(HangfireCollection.Name)]
public sealed class HangfireTests
{
    [Fact]
    public async Task Dashboard_is_for_administrators_only_and_the_recurring_job_runs_in_tokyo_time()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:Digests:Enabled"] = "true" });

        using var anonymous = host.CreateClient();
        var anonymousResponse = await anonymous.GetAsync("/admin/jobs");
        Assert.NotEqual(HttpStatusCode.OK, anonymousResponse.StatusCode);
        Assert.Contains("/account/login", anonymousResponse.Headers.Location?.ToString() ?? "");

        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWard);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/jobs")).StatusCode);

        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var dashboard = await admin.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("区政協働ポータル ジョブ", await dashboard.Content.ReadAsStringAsync());

        using var connection = host.Service<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DigestJob.RecurringJobId);
        Assert.Equal(("5 * * * *", "Asia/Tokyo"), (job.Cron, job.TimeZoneId));
    }
}
