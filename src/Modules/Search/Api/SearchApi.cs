using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Search.Services;

namespace Portal.Modules.Search.Api;

public static class SearchApi
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/search", async (string? q, string? type, string? ward, string? page, HttpContext http, SearchService search, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var query = await search.ParseAsync(q, type, ward, page, errors, ct);
            if (query is null)
                return Results.ValidationProblem(errors);

            var results = search.Search(query, http.User);
            return Results.Ok(new
            {
                results.Total, results.Page, results.PageSize,
                Hits = results.Hits.Select(h => new { h.ContentType, h.Key, Title = h.TitleHtml, Snippet = h.SnippetHtml, h.Path, Ward = h.WardCode, Date = h.DateUtc }),
            });
        });
}
