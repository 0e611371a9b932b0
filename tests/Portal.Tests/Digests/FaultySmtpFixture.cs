namespace Portal.Tests.Digests;

public sealed class FaultySmtpFixture : IAsyncLifetime
{
    public const string TemporaryOnce = "e-451-once@example.jp";
    public const string TemporaryAlways = "e-451-always@example.jp";
    public const string Rejected = "e-550@example.jp";
    public const string Fine = "e-fine@example.jp";

    public SmtpTestServer Smtp { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Smtp = await SmtpTestServer.StartFaultyAsync(new Dictionary<string, int> { [TemporaryOnce] = 1, [TemporaryAlways] = 100 }, [Rejected]);

    public async Task DisposeAsync() => await Smtp.DisposeAsync();
}
