using Portal.Tests.Infrastructure;

namespace Portal.Tests.ScaleOut;

/// <summary>Portal:Redis means several nodes; the settings that cannot work that way are refused at start.</summary>
public sealed class ScaleOutConfigurationTests
{
    [Fact]
    public async Task Redis_with_the_SQLite_default_is_refused_with_the_reason()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:Redis"] = "127.0.0.1:6379" }));

        Assert.Contains("Portal:Redis is set", failure.Message);
        Assert.Contains("cannot share one SQLite file", failure.Message);
        Assert.Contains("Portal:Database:Provider=PostgreSql", failure.Message);
    }
}
