using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Portal.Core;
using Portal.Core.Time;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Api;

/// <summary>Open data downloads: public meetings only, for anyone, signed in or not.</summary>
public static class OpenDataEndpoints
{
    public const string MeetingsCsvPath = "/opendata/meetings.csv";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MeetingsCsvPath, async (string? ward, string? from, string? to, MeetingQueries queries, PublicBaseUrl site, CancellationToken ct) =>
        {
            int? wardId = null;
            if (!string.IsNullOrEmpty(ward))
            {
                var code = ward.Length == 6 && OpenDataCsv.IsValidLocalGovernmentCode(ward) ? ward[..5] : ward;
                if (code.Length != 5 || !code.All(char.IsAsciiDigit))
                    return BadRequest("Invalid ward", $"Give the ward as its 5-digit code (e.g. 27127) or 6-digit local-government code (e.g. 271276), not '{ward}'.");
                var found = await queries.FindWardAsync(code, ct);
                if (found is null)
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown ward", detail: $"No ward has the code '{ward}'.");
                wardId = found.Id;
            }
            if (!TryParseDate(from, out var fromDate))
                return BadRequest("Invalid from date", $"Give 'from' as a date like 2026-09-16, not '{from}'.");
            if (!TryParseDate(to, out var toDate))
                return BadRequest("Invalid to date", $"Give 'to' as a date like 2026-09-30, not '{to}'.");
            if (fromDate is { } f && toDate is { } t && f > t)
                return BadRequest("Invalid date range", "'from' is after 'to'.");

            // Dates are days in Tokyo: from its midnight, to the end of the 'to' day.
            var fromUtc = fromDate is { } fd ? TokyoTime.ToUtc(fd.ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
            var beforeUtc = toDate is { } td ? TokyoTime.ToUtc(td.AddDays(1).ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
            var meetings = await queries.PublicForOpenDataAsync(wardId, fromUtc, beforeUtc, ct);
            return Results.File(OpenDataCsv.Write(meetings, site), OpenDataCsv.ContentType, "meetings.csv");
        });
    }

    private static bool TryParseDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed.Year < 2000 || parsed.Year > 2200) // keeps the Tokyo conversion and the database range safe
            return false;
        date = parsed;
        return true;
    }

    private static IResult BadRequest(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
