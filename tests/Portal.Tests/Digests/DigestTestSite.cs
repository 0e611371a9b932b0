using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Core.Time;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

/// <summary>Stands in for the meeting modules: fixed items per ward, nothing for other scopes.</summary>
public sealed class FakeDigestSource : IDigestSource
{
    public ConcurrentDictionary<int, IReadOnlyList<DigestItem>> MeetingsByWard { get; } = new();

    public Task<IReadOnlyList<DigestSection>> CollectAsync(DigestScope scope, DateTime periodStartUtc, DateTime periodEndUtc, CancellationToken cancellationToken)
    {
        var items = scope.WardId is { } ward && MeetingsByWard.TryGetValue(ward, out var found) ? found : [];
        return Task.FromResult<IReadOnlyList<DigestSection>>(
        [
            new DigestSection("upcoming-meetings", "今後の会議", items),
            new DigestSection("overdue-actions", "期限を過ぎた課題", []),
        ]);
    }
}

/// <summary>A portal (Hangfire off) wired to a test SMTP server, a fake clock and a fake digest source.</summary>
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

    /// <summary>Wednesday 10:00 in Tokyo, in the current week or the next: the daily digest of Tuesday and the weekly one of last week are due.</summary>
    public static DateTimeOffset NextWednesdayMorningTokyo()
    {
        var today = DateOnly.FromDateTime(TokyoTime.ToTokyo(DateTime.UtcNow));
        var wednesday = today.AddDays(((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7);
        return new DateTimeOffset(wednesday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(9));
    }

    /// <param name="now">Where the fake clock starts (default: <see cref="NextWednesdayMorningTokyo"/>).</param>
    public static async Task<DigestTestSite> StartAsync(SmtpTestServer smtp, IDictionary<string, string?>? extraSettings = null, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? NextWednesdayMorningTokyo());
        var source = new FakeDigestSource();
        var settings = smtp.PortalSettings();
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        var host = await PortalTestHost.StartAsync(settings, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
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
    public async Task<int> AddRecipientAsync(string email, int? wardId, DigestFrequency frequency = DigestFrequency.Daily, int? organisationId = null)
    {
        await using var scope = Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(), DisplayName = email,
        };
        var now = Clock.GetUtcNow().UtcDateTime;
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
