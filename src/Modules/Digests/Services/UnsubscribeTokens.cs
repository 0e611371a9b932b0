using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Modules.Digests.Services;

/// <summary>
/// The token in unsubscribe links: the subscription id protected by Data Protection, valid for a year so old mails still work.
/// Whoever holds the link may switch that one subscription off, nothing else.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(366);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Portal.Digests.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string Create(int subscriptionId) =>
        _protector.Protect(subscriptionId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow() + Lifetime);

    public bool TryRead(string? token, out int subscriptionId)
    {
        subscriptionId = 0;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
            return false;
        try
        {
            var payload = _protector.Unprotect(token, out var expiration);
            return expiration > time.GetUtcNow()
                && int.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out subscriptionId);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
