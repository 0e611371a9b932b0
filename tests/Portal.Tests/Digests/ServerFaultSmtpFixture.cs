namespace Portal.Tests.Digests;

/// <summary>A fault-injecting SMTP server whose MAIL FROM / DATA faults the tests switch on and off through a file.</summary>
public sealed class ServerFaultSmtpFixture : IAsyncLifetime
{
    public static readonly string[] Refused = ["r-550-1@example.jp", "r-550-2@example.jp", "r-550-3@example.jp", "r-550-4@example.jp"];

    private readonly string _faultFile = Path.Combine(Path.GetTempPath(), $"portal-smtp-fault-{Guid.NewGuid():N}.txt");

    public SmtpTestServer Smtp { get; private set; } = null!;

    /// <summary>
    /// From now on the server answers <paramref name="reply"/> to every <paramref name="command"/> (MAIL or DATA), or,
    /// for "DATA:address", to the DATA of each message to that address only.
    /// </summary>
    public void Break(string command, string reply) => File.WriteAllText(_faultFile, $"{command} {reply}\n");

    public void Repair() => File.Delete(_faultFile);

    public async Task InitializeAsync() =>
        Smtp = await SmtpTestServer.StartFaultyAsync(new Dictionary<string, int>(), Refused, _faultFile);

    public async Task DisposeAsync()
    {
        Repair();
        await Smtp.DisposeAsync();
    }
}
