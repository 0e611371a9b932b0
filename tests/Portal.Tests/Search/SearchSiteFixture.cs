using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

public sealed class SearchSiteFixture : IAsyncLifetime
{
    public PortalTestHost Host { get; private set; } = null!;
    public async Task InitializeAsync() => Host = await PortalTestHost.StartAsync();
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
