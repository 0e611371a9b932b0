using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;
using Portal.Modules.Search.Services;

namespace Portal.Modules.Search.Pages.Staff;

[RequirePermission(SearchPermission.ManageSearchIndex)]
public class IndexModel(SearchIndex index, SearchIndexer indexer, IStringLocalizer<Strings> T) : PageModel
{
    public long? Cursor => index.Cursor;
    public int DocumentCount => index.DocumentCount;
    public string? LastError => indexer.LastError;
    public DateTime? LastRebuildUtc => indexer.LastRebuildUtc;

    public void OnGet() { }

    /// <summary>The rebuild runs on this node's indexing loop; other nodes keep their own index.</summary>
    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        indexer.RequestRebuild();
        await indexer.CatchUpAsync(ct);
        TempData["Status"] = T["このサーバーの検索インデックスを再構築しました。"].Value;
        return RedirectToPage();
    }
}
