using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;

namespace Portal.Tests.Digests;

/// <summary>Digest rows for sites that need /admin/digests to show something (the bad-input corpus, the accessibility checks).</summary>
public static class DigestSeed
{
    public const string ServerError = "554 5.7.1 Sender address rejected";

    /// <summary>
    /// A weekly run (of the fixed week from 2026-11-16) suspended after a mail-server fault, whose one delivery, to the
    /// user's first subscription (an Off one is added when the user has none), failed at the mail server: the page
    /// shows it with its resend form.
    /// </summary>
    public static async Task AddSuspendedRunAsync(PortalDbContext db, string userName)
    {
        var period = new DigestPeriod(DigestFrequency.Weekly, new DateOnly(2026, 11, 16));
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var subscription = await db.Set<DigestSubscription>().Where(s => s.UserId == user.Id).OrderBy(s => s.Id).FirstOrDefaultAsync()
            ?? new DigestSubscription { UserId = user.Id, Frequency = DigestFrequency.Off, CreatedUtc = period.EndUtc, ModifiedUtc = period.EndUtc };
        db.Add(new DigestRun
        {
            Frequency = period.Frequency, PeriodKey = period.Key, PeriodStartUtc = period.StartUtc, PeriodEndUtc = period.EndUtc, PlannedUtc = period.EndUtc,
            State = DigestRunState.Suspended, ResumeAfterUtc = period.EndUtc.AddHours(1), Suspensions = 1, LastServerError = ServerError,
            Deliveries =
            [
                new DigestDelivery
                {
                    Subscription = subscription, Email = user.Email ?? $"{userName}@example.jp", Status = DeliveryStatus.Failed, Attempts = 1, LastError = ServerError,
                },
            ],
        });
        await db.SaveChangesAsync();
    }
}
