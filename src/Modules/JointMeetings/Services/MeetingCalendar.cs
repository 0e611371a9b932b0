using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Core;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>iCalendar (RFC 5545) for meetings: one stable UID per meeting and a SEQUENCE that grows when time or place change.</summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(int meetingId) => $"meeting-{meetingId}@ward-partnership-portal";

    /// <param name="site">The site's public address, for the events' URL.</param>
    /// <param name="name">Calendar name shown by clients (X-WR-CALNAME).</param>
    public static string Serialize(IEnumerable<Meeting> meetings, PublicBaseUrl site, string name)
    {
        var calendar = new Calendar { ProductId = "-//Ward Partnership Portal//JointMeetings//JA", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Tokyo");
        foreach (var meeting in meetings)
        {
            var location = string.Join(" ", new[] { meeting.Place, meeting.OnlineUrl }.Where(s => !string.IsNullOrEmpty(s)));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(meeting.Id),
                Sequence = meeting.Sequence,
                // The last change of the entry: stable between downloads, newer after every edit.
                DtStamp = Utc(meeting.ModifiedUtc),
                Start = Utc(meeting.StartUtc),
                End = Utc(meeting.EndUtc),
                Summary = meeting.Title,
                Description = meeting.Description,
                Location = location.Length == 0 ? null : location,
                Url = site.Absolute($"/meetings/{meeting.Id}"),
                Class = meeting.IsPublic ? "PUBLIC" : "PRIVATE",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CalDateTime.UtcTzId, true);
}
