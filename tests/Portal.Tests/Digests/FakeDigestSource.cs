using System.Collections.Concurrent;
using Portal.Core.Digests;

namespace Portal.Tests.Digests;

/// <summary>Stands in for the meeting and task-force modules' digest sources: fixed items per ward, nothing for other scopes.</summary>
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
