using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Caching;

namespace Portal.Core.Data;

/// <summary>
/// Evicts the cached public pages of the content a transaction changed (by each content type's own cache tag), once it has committed: evicting
/// earlier would let a request still reading the old rows put the old page back in the cache.
/// </summary>
public sealed class ContentCommitInterceptor(IPublicPageCache cache) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db && db.TakeCommittedCacheTags() is { Count: > 0 } tags)
            await cache.EvictAsync(tags, CancellationToken.None);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as PortalDbContext)?.TakeCommittedCacheTags();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as PortalDbContext)?.TakeCommittedCacheTags();
}
