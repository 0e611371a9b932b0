using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Services;

/// <summary>Published support profiles as public search documents; the ward filter value is the first ward covered.</summary>
public sealed class SupportSearchSource(PortalDbContext db) : ISearchDocumentSource
{
    public IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string>
    {
        [SupportProfile.SearchType] = "中間支援組織",
    };

    public async Task<SearchDocument?> LoadAsync(string contentType, string key, CancellationToken cancellationToken)
    {
        if (contentType != SupportProfile.SearchType || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        var profile = await Published().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return profile is null ? null : ToDocument(profile);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var profile in Published().OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToDocument(profile);
    }

    private IQueryable<SupportProfile> Published() =>
        db.Set<SupportProfile>().AsNoTracking().AsSplitQuery()
            .Include(p => p.Organisation)
            .Include(p => p.Wards).ThenInclude(w => w.Ward)
            .Where(p => p.IsPublished);

    private static SearchDocument ToDocument(SupportProfile p)
    {
        var wards = p.Wards.Select(w => w.Ward!).OrderBy(w => w.SortOrder).ToList();
        var body = string.Join("\n",
            p.Description,
            string.Join(" ", FlagSet<SupportServices>.Split(p.Services).Select(FlagSet<SupportServices>.Label)),
            p.ServicesNote,
            string.Join(" ", wards.Select(w => w.Name)),
            p.TrackRecord);
        return new SearchDocument(
            SupportProfile.SearchType, p.Id.ToString(CultureInfo.InvariantCulture), p.Organisation!.Name, body,
            $"/support-organisations/{p.Id}", wards.FirstOrDefault()?.Code, p.ModifiedUtc, SearchAudience.Everyone);
    }
}
