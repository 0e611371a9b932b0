namespace Portal.Tests.Infrastructure;

/// <summary>All PostgreSQL tests share one server (and run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
