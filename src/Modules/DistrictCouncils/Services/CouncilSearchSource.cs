using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Services;

/// <summary>Published councils and published updates (of published councils) as search documents; all public.</summary>
public sealed class CouncilSearchSource(PortalDbContext db) : ISearchDocumentSource
{
    public IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string>
    {
        [DistrictCouncil.SearchType] = "地域活動協議会",
        [CouncilUpdate.SearchType] = "活動報告",
    };

    public async Task<SearchDocument?> LoadAsync(string contentType, string key, CancellationToken cancellationToken)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        return contentType switch
        {
            DistrictCouncil.SearchType => (await Councils().Where(c => c.Id == id).ToListAsync(cancellationToken)).Select(ToDocument).FirstOrDefault(),
            CouncilUpdate.SearchType => (await Updates().Where(u => u.Id == id).ToListAsync(cancellationToken)).Select(ToDocument).FirstOrDefault(),
            _ => null,
        };
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var council in Councils().AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToDocument(council);
        await foreach (var update in Updates().AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToDocument(update);
    }

    private IQueryable<DistrictCouncil> Councils() =>
        db.Set<DistrictCouncil>().AsNoTracking().Include(c => c.Ward).Where(c => c.IsPublished).OrderBy(c => c.Id);

    private IQueryable<CouncilUpdate> Updates() =>
        db.Set<CouncilUpdate>().AsNoTracking().Include(u => u.Council).ThenInclude(c => c!.Ward)
            .Where(u => u.Status == UpdateStatus.Published && u.Council!.IsPublished).OrderBy(u => u.Id);

    private static SearchDocument ToDocument(DistrictCouncil c) => new(
        DistrictCouncil.SearchType, c.Id.ToString(CultureInfo.InvariantCulture), c.Name,
        string.Join("\n", c.Area, c.Description, string.Join(" ", FlagSet<ActivityFields>.Split(c.Fields).Select(FlagSet<ActivityFields>.Label)), c.ContactName),
        CouncilPaths.Council(c.Id), c.Ward!.Code, c.ModifiedUtc, SearchAudience.Everyone);

    private static SearchDocument ToDocument(CouncilUpdate u) => new(
        CouncilUpdate.SearchType, u.Id.ToString(CultureInfo.InvariantCulture), u.Title,
        u.Council!.Name + "\n" + RichText.ToPlainText(u.Body),
        CouncilPaths.Update(u.CouncilId, u.Id), u.Council.Ward!.Code, u.PublishedUtc, SearchAudience.Everyone);
}
