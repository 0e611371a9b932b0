using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// The stored-content corpus on PostgreSQL, which, unlike SQLite, enforces column lengths and refuses some characters:
/// saving script, markup and control characters through every text field, opening every page, feed and API, and the
/// rich text that grows beyond its column when sanitised, never fail with a 5xx there either.
/// </summary>
[Collection(PostgresCollection.Name)]
public class BadInputPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Stored_payloads_and_rich_text_that_outgrows_its_column_never_fail_on_PostgreSQL()
    {
        var stored = StoredPayloadSite.On(await server.HostSettingsAsync());
        try
        {
            // Saves through every free-text form; anything but a save fails here with the form's answer.
            await stored.InitializeAsync();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await stored.Host.QueryAsync(db => Task.FromResult(db.Database.ProviderName)));

            foreach (var (form, response) in stored.Expansions)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form} answered {(int)response.StatusCode}");
                Assert.Contains("本文は保存できる長さ", await response.Content.ReadAsStringAsync());
            }
            var failures = await stored.CheckPagesAsync();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            await stored.DisposeAsync();
        }
    }
}
