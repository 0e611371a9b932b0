using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accessibility;

/// <summary>One demo site and one Chromium shared by the accessibility checks (they only read, or save nothing).</summary>
public sealed class AxeSiteFixture : IAsyncLifetime
{
    public PortalTestHost Host { get; private set; } = null!;
    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await PortalTestHost.StartAsync();
        await using (var scope = Host.CreateScope())
            await Digests.DigestSeed.AddSuspendedRunAsync(scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>(), TestUsers.Admin); // /admin/digests with a run
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (Host is not null) await Host.DisposeAsync();
    }
}
