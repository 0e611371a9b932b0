using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

/// <summary>
/// A portal (Hangfire off) wired to a test SMTP server, a fake clock and a fake digest source that replaces the modules'
/// own: what a digest contains is what the test put in the fake, whatever the demo recipe holds.
/// </summary>
public sealed class DigestTestSite : IAsyncDisposable
{
    private DigestTestSite(PortalTestHost host, FakeTimeProvider clock, FakeDigestSource source)
    {
        Host = host;
        Clock = clock;
        Source = source;
    }

    public PortalTestHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public FakeDigestSource Source { get; }

    /// <summary>Wednesday 10 March 2027, 10:00 in Tokyo: the daily digest of Tuesday and the weekly one of last week are due.</summary>
    public static readonly DateTimeOffset WednesdayMorningTokyo = new(2027, 3, 10, 10, 0, 0, TimeSpan.FromHours(9));

    /// <param name="now">Where the fake clock starts (default: <see cref="WednesdayMorningTokyo"/>).</param>
    public static async Task<DigestTestSite> StartAsync(SmtpTestServer smtp, IDictionary<string, string?>? extraSettings = null, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? WednesdayMorningTokyo);
        var source = new FakeDigestSource();
        var settings = smtp.PortalSettings();
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        var host = await PortalTestHost.StartAsync(settings, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.RemoveAll<IDigestSource>();
            services.AddSingleton<IDigestSource>(source);
        });
        return new DigestTestSite(host, clock, source);
    }

    public async Task<Ward> WardAsync(string code)
    {
        await using var scope = Host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Wards.AsNoTracking().SingleAsync(w => w.Code == code);
    }

    /// <summary>A user with an address (no password: recipients never sign in here) and one subscription.</summary>
    public Task<int> AddRecipientAsync(string email, int? wardId, DigestFrequency frequency = DigestFrequency.Daily, int? organisationId = null) =>
        AddRecipientAsync(Host, email, wardId, frequency, organisationId);

    /// <summary>A user with an address and one subscription, on any test host.</summary>
    public static async Task<int> AddRecipientAsync(
        PortalTestHost host, string email, int? wardId, DigestFrequency frequency = DigestFrequency.Daily, int? organisationId = null)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(), DisplayName = email,
        };
        var now = host.UtcNow;
        var subscription = new DigestSubscription { UserId = user.Id, User = user, WardId = wardId, OrganisationId = organisationId, Frequency = frequency, CreatedUtc = now, ModifiedUtc = now };
        db.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    public async Task<List<string>> AddRecipientsAsync(string prefix, int count, int wardId)
    {
        var addresses = Enumerable.Range(1, count).Select(i => $"{prefix}{i:D3}@example.jp").ToList();
        foreach (var address in addresses)
            await AddRecipientAsync(address, wardId);
        return addresses;
    }

    public async Task<SendSummary> RunJobAsync(CancellationToken ct = default)
    {
        await using var scope = Host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(ct);
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Host.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task<List<DigestDelivery>> DeliveriesAsync() =>
        WithAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<DigestDelivery>().AsNoTracking().Include(d => d.Run).OrderBy(d => d.Id).ToListAsync());

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
