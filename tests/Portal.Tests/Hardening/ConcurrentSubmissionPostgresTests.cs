using Portal.Tests.Hardening.BadInput;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

[Collection(PostgresCollection.Name)]
public class ConcurrentSubmissionPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Every_create_form_sent_20_times_at_the_same_instant_saves_once_on_PostgreSQL()
    {
        var site = new CorpusSite { Settings = await server.HostSettingsAsync() };
        try
        {
            await site.InitializeAsync();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await site.Host.QueryAsync(db => Task.FromResult(db.Database.ProviderName)));
            var problems = new List<string>();
            foreach (var (form, _, _) in ConcurrentSubmissions.Forms)
                problems.Add(await ConcurrentSubmissions.RaceAsync(site, form));
            var report = string.Join("\n", problems.Where(p => p.Length > 0));
            Assert.True(report.Length == 0, report);
        }
        finally
        {
            await site.DisposeAsync();
        }
    }
}
