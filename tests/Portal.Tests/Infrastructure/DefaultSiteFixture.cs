namespace Portal.Tests.Infrastructure;

/// <summary>One portal set up by the default recipe, shared by the tests of a class that only read (or only fail to write).</summary>
public sealed class DefaultSiteFixture : IAsyncLifetime
{
    public PortalTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await PortalTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}
