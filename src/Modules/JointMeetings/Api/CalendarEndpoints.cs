using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Portal.Core;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Api;

/// <summary>iCalendar downloads and subscription feeds. Anonymous callers get public meetings only.</summary>
public static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/{id:int}.ics", async (int id, HttpContext http, MeetingQueries queries, PublicBaseUrl site, CancellationToken ct) =>
        {
            var meeting = await queries.FindAsync(id, ct);
            if (meeting is null || !http.User.CanView(meeting))
                return NotFound("Meeting not found", $"No meeting you may see has the id {id}.");
            return Ics(MeetingCalendar.Serialize([meeting], site, meeting.Title));
        });

        endpoints.MapGet("/meetings/feeds/ward/{wardCode}.ics", async (string wardCode, HttpContext http, MeetingQueries queries, PublicBaseUrl site, TimeProvider clock, CancellationToken ct) =>
        {
            var ward = wardCode.Length <= 6 ? await queries.FindWardAsync(wardCode, ct) : null;
            if (ward is null)
                return NotFound("Unknown ward", $"No ward has the code '{wardCode}'.");
            var meetings = await queries.ForFeedAsync(http.User, ward.Id, null, clock.GetUtcNow().UtcDateTime, ct);
            return Ics(MeetingCalendar.Serialize(meetings, site, $"{ward.Name} 三者連絡会議"));
        });

        endpoints.MapGet("/meetings/feeds/organisation/{orgKey}.ics", async (string orgKey, HttpContext http, MeetingQueries queries, PublicBaseUrl site, TimeProvider clock, CancellationToken ct) =>
        {
            var organisation = orgKey.Length <= 80 ? await queries.FindOrganisationAsync(orgKey, ct) : null;
            if (organisation is null)
                return NotFound("Unknown organisation", $"No organisation has the key '{orgKey}'.");
            var meetings = await queries.ForFeedAsync(http.User, null, organisation.Id, clock.GetUtcNow().UtcDateTime, ct);
            return Ics(MeetingCalendar.Serialize(meetings, site, $"{organisation.Name} 三者連絡会議"));
        });
    }

    private static IResult Ics(string body) =>
        Results.Text(body, MeetingCalendar.ContentType, System.Text.Encoding.UTF8);

    private static IResult NotFound(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
