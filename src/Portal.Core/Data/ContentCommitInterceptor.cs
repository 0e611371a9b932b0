using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Caching;

namespace Portal.Core.Data;

/// <summary>
/// Evicts the cached public pages of the content types a transaction changed, once it has committed: evicting
/// earlier would let a request still reading the old rows put the old page back in the cache.
/// </summary>
public sealed class ContentCommitInterceptor(IPublicPageCache cache) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db && db.TakeCommittedContentTypes() is { Count: > 0 } types)
            await cache.EvictAsync(types.Select(PublicPageCache.ContentTag).ToList(), CancellationToken.None);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as PortalDbContext)?.TakeCommittedContentTypes();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as PortalDbContext)?.TakeCommittedContentTypes();
}
