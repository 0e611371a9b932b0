using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

/// <summary>AddHangfire writes static global state: every test that starts a Hangfire server lives in this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Hangfire";
}
