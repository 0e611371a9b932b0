using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>
/// Public voice items as search documents. Only what the public page shows goes in: never the details, the raiser's
/// personal data nor the handling notes.
/// </summary>
public sealed class VoiceSearchSource(PortalDbContext db) : ISearchDocumentSource
{
    public IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string>
    {
        [VoiceItem.SearchType] = "地域の声",
    };

    public async Task<SearchDocument?> LoadAsync(string contentType, string key, CancellationToken cancellationToken)
    {
        if (contentType != VoiceItem.SearchType || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        var item = await PublicItems().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item is null ? null : ToDocument(item);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in PublicItems().OrderBy(i => i.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToDocument(item);
    }

    private IQueryable<VoiceItem> PublicItems() =>
        db.Set<VoiceItem>().AsNoTracking()
            .Include(i => i.Ward).Include(i => i.Category).Include(i => i.Department).Include(i => i.Status)
            .Where(i => i.IsPublic);

    private static SearchDocument ToDocument(VoiceItem i) => new(
        VoiceItem.SearchType, i.Id.ToString(CultureInfo.InvariantCulture), i.Summary,
        string.Join("\n", new[]
        {
            i.Ward!.Name, i.AreaName, i.Category!.Name, i.Department?.Name ?? "", i.Status!.Name,
            i.HasPublishedResponse ? i.Response : "",
        }.Where(s => s.Length > 0)),
        $"/voice/{i.Id}", i.Ward.Code, i.ResponsePublishedUtc ?? i.CreatedUtc, SearchAudience.Everyone);
}
