using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Content;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Api;

/// <summary>Read-only JSON for residents and other sites: published content only, problem details on bad input.</summary>
public static class CouncilsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/councils");

        api.MapGet("", async (string? ward, string? field, string? page, CouncilQueries queries, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var filter = CouncilFilter.Parse(ward, field, page, errors);
            if (errors.Count > 0)
                return Results.ValidationProblem(errors);
            var selectedWard = filter.WardCode is null ? null : await queries.FindWardAsync(filter.WardCode, ct);
            if (filter.WardCode is not null && selectedWard is null)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown ward", detail: $"No ward has the code '{filter.WardCode}'.");

            var result = await queries.ListPublishedAsync(filter, selectedWard, ct);
            return Results.Ok(new
            {
                result.Page,
                result.PageSize,
                result.Total,
                Items = result.Items.Select(c => new
                {
                    c.Id, c.Name, Ward = c.WardName, c.Area,
                    Fields = FlagSet<ActivityFields>.Split(c.Fields).Select(f => f.ToString()),
                }),
            });
        });

        // GeoJSON (RFC 7946: longitude first) of published councils that have a position; the map reads it.
        api.MapGet("/geojson", async (string? ward, CouncilQueries queries, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var filter = CouncilFilter.Parse(ward, null, null, errors);
            if (errors.Count > 0)
                return Results.ValidationProblem(errors);
            if (filter.WardCode is not null && await queries.FindWardAsync(filter.WardCode, ct) is null)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown ward", detail: $"No ward has the code '{filter.WardCode}'.");

            var points = await queries.MapPointsAsync(filter.WardCode, ct);
            return Results.Json(new
            {
                type = "FeatureCollection",
                features = points.Select(p => new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = new[] { p.Longitude, p.Latitude } },
                    properties = new { id = p.Id, name = p.Name, ward = p.WardName, wardCode = p.WardCode, url = CouncilPaths.Council(p.Id) },
                }),
            }, contentType: "application/geo+json; charset=utf-8");
        });

        api.MapGet("/{id:int}", async (int id, CouncilQueries queries, CancellationToken ct) =>
        {
            var council = await queries.FindAsync(id, ct);
            if (council is null || !council.IsPublished)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Council not found", detail: $"No published council has the id {id}.");

            var updates = await queries.LatestPublishedUpdatesAsync(id, 10, ct);
            return Results.Ok(new
            {
                council.Id, council.Name, Ward = council.Ward!.Name, WardCode = council.Ward.Code, council.Area,
                Fields = FlagSet<ActivityFields>.Split(council.Fields).Select(f => f.ToString()),
                council.Description, council.ContactName, council.ContactPhone, council.ContactEmail,
                council.Latitude, council.Longitude,
                Updates = updates.Select(u => new { u.Id, u.Title, u.Body, u.PublishedUtc, Organisation = u.Organisation!.Name }),
            });
        });
    }
}
