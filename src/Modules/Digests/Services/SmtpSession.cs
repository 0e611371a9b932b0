using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Portal.Modules.Digests.Services;

/// <summary>One SMTP connection reused for a whole sending loop (SmtpClient is not thread-safe: one session per loop).</summary>
public sealed class SmtpSession(SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var client = await ConnectedAsync(ct);
        await client.SendAsync(message, ct);
    }

    /// <summary>Forgets a connection the server dropped or left in an unknown state; the next send reconnects.</summary>
    public void Reset()
    {
        _client?.Dispose();
        _client = null;
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
            return _client;
        Reset();
        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, SocketOptions(options.UseTls), ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            client.Dispose();
            throw new SmtpUnavailableException($"Cannot connect to SMTP server {options.Host}:{options.Port}: {e.Message}", e);
        }
        return _client = client;
    }

    public static SecureSocketOptions SocketOptions(string useTls) => useTls.Trim().ToLowerInvariant() switch
    {
        "none" or "" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => throw new InvalidOperationException($"Portal:Smtp:UseTls '{useTls}' is none of none, starttls, ssl."),
    };

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try { await _client.DisconnectAsync(true); }
            catch (Exception e) when (e is IOException or SmtpProtocolException or MailKit.ServiceNotConnectedException) { }
        }
        Reset();
    }
}

/// <summary>The SMTP server cannot be reached or refused the login: nothing can be sent now, by any delivery.</summary>
public sealed class SmtpUnavailableException(string message, Exception inner) : Exception(message, inner);
