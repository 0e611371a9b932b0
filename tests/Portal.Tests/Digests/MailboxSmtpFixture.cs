namespace Portal.Tests.Digests;

public sealed class MailboxSmtpFixture : IAsyncLifetime
{
    public SmtpTestServer Smtp { get; private set; } = null!;
    public async Task InitializeAsync() => Smtp = await SmtpTestServer.StartMailboxAsync();
    public async Task DisposeAsync() => await Smtp.DisposeAsync();
}
