using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Infrastructure;
using Portal.Tests.Web.Infrastructure;

namespace Portal.Tests.ScaleOut;

/// <summary>
/// The security stamp lives in the shared database: a sign-out or a disabled account on one node ends the session on
/// the other within a minute. Two nodes on one PostgreSQL database and one Redis (the shared key ring, so that A's
/// cookie is valid on B), one pinned fake clock for both (as NTP keeps a farm's clocks together); no Hangfire.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SignOutAcrossNodesTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sign-out")]
    [InlineData("disable")]
    public async Task Ending_a_session_on_node_B_ends_it_on_node_A(string how)
    {
        var clock = new FakeTimeProvider(SessionRevocationTests.Pinned);
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync();
        var roots = new[] { "a", "b" }.Select(name => Directory.CreateTempSubdirectory($"portal-signout-{name}-").FullName).ToArray();
        Task<PortalTestHost> StartNodeAsync(string root) => SessionRevocationTests.StartAsync(clock, new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database,
            ["Portal:Redis"] = redis.Configuration,
            ["Portal:Search:IndexPath"] = Path.Combine(root, "index"),
        }, root);
        try
        {
            await using var a = await StartNodeAsync(roots[0]);
            await using var b = await StartNodeAsync(roots[1]);

            using var onB = b.CreateClient();
            await onB.LoginAsync(TestUsers.KitaCommunity);
            // The same cookie, kept by a second browser that only talks to node A.
            using var keptOnA = a.CreateClient(SessionRevocationTests.CopyOf(onB.Cookies, b.BaseAddress));
            await SessionRevocationTests.AssertSignedInAsync(keptOnA);
            clock.Advance(SessionRevocationTests.PastValidationInterval);
            await SessionRevocationTests.AssertSignedInAsync(keptOnA); // A has validated the stamp once: A caches nothing

            if (how == "sign-out")
                await onB.PostWithTokenFromAsync(SessionRevocationTests.StaffPage, "/account/logout", []);
            else
                await SessionRevocationTests.ChangeAccountAsync(b, TestUsers.KitaCommunity, "disable");
            clock.Advance(SessionRevocationTests.PastValidationInterval);

            await SessionRevocationTests.AssertSentToLoginAsync(keptOnA);
        }
        finally
        {
            await redis.DisposeAsync();
            foreach (var root in roots)
                PortalTestHost.DeleteDirectory(root);
        }
    }
}
