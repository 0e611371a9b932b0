namespace Portal.Core.Digests;

/// <summary>What one subscriber asked to follow: a ward, an organisation, or both (null = any).</summary>
/// <param name="RecipientOrganisationId">The subscriber's own organisation: private items that involve it may be listed.</param>
public sealed record DigestScope(int? WardId, int? OrganisationId, int? RecipientOrganisationId);

/// <param name="Path">Site-relative link, e.g. /meetings/12; the mailer makes it absolute.</param>
public sealed record DigestItem(string Title, string Path, DateTime? WhenUtc, string? Detail);

/// <param name="Key">Stable id of the section ("upcoming-meetings", "published-minutes", "overdue-actions").</param>
/// <param name="Heading">Japanese heading shown in the mail.</param>
public sealed record DigestSection(string Key, string Heading, IReadOnlyList<DigestItem> Items);

/// <summary>
/// A module's contribution to the meeting digest for one period [periodStartUtc, periodEndUtc).
/// Implementations must be read-only and deterministic for the same database state, so a retried run mails the same content.
/// </summary>
public interface IDigestSource
{
    Task<IReadOnlyList<DigestSection>> CollectAsync(DigestScope scope, DateTime periodStartUtc, DateTime periodEndUtc, CancellationToken cancellationToken);
}
