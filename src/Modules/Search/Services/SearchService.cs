using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Core.Security;

namespace Portal.Modules.Search.Services;

/// <summary>Validates a search request from the query string and runs it for the signed-in (or anonymous) user.</summary>
public sealed class SearchService(SearchIndex index, PortalDbContext db, IEnumerable<ISearchDocumentSource> sources, IStringLocalizer<Strings> T)
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 10;

    /// <summary>Content type → Japanese label, for the type filter.</summary>
    public IReadOnlyDictionary<string, string> ContentTypes { get; } =
        sources.SelectMany(s => s.ContentTypes).ToDictionary(x => x.Key, x => x.Value);

    public async Task<SearchQuery?> ParseAsync(string? q, string? type, string? ward, string? page, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (text.Length == 0)
            errors["q"] = [T["検索語を入力してください。"]];
        else if (text.Length > MaxQueryLength)
            errors["q"] = [T["検索語は{0}文字以内で入力してください。", MaxQueryLength]];

        if (!string.IsNullOrEmpty(type) && !ContentTypes.ContainsKey(type))
            errors["type"] = [T["種類の指定が正しくありません。"]];

        if (!string.IsNullOrEmpty(ward) && !await db.Wards.AnyAsync(w => w.Code == ward, ct))
            errors["ward"] = [T["区の指定が正しくありません。"]];

        var pageNumber = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, out pageNumber) || pageNumber < 1 || pageNumber > 1000))
            errors["page"] = [T["ページ番号は1以上の整数で指定してください。"]];

        return errors.Count > 0
            ? null
            : new SearchQuery(text, string.IsNullOrEmpty(type) ? null : type, string.IsNullOrEmpty(ward) ? null : ward, pageNumber, PageSize);
    }

    public SearchResults Search(SearchQuery query, ClaimsPrincipal user) =>
        index.Search(query, new SearchViewer(user.IsAdministrator(), user.Identity?.IsAuthenticated == true ? user.OrganisationIdOf() : null));
}
