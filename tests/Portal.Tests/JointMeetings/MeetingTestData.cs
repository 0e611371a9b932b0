using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.JointMeetings.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.JointMeetings;

/// <summary>Reads and seeds meetings straight through the site's DbContext.</summary>
public static class MeetingTestData
{
    public const string PublicKitaMeeting = "第7回 北区三者連絡会議";
    public const string PrivateKitaMeeting = "北区 三者連絡会議 事務局打合せ";

    public static async Task<Meeting> FindAsync(PortalTestHost host, string title)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Set<Meeting>().AsNoTracking().Include(m => m.Minutes).Include(m => m.Participants).Include(m => m.Agenda)
            .SingleAsync(m => m.Title == title);
    }

    public static async Task<Meeting?> FindByIdAsync(PortalTestHost host, int id)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Set<Meeting>().AsNoTracking().Include(m => m.Minutes).Include(m => m.Participants).Include(m => m.Agenda)
            .SingleOrDefaultAsync(m => m.Id == id);
    }

    public static async Task<int> CountAsync(PortalTestHost host)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Meeting>().CountAsync();
    }

    public static async Task<Organisation> OrganisationAsync(PortalTestHost host, string key)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.Key == key);
    }

    /// <summary>The fields of the meeting form; override any by name.</summary>
    public static List<KeyValuePair<string, string>> MeetingForm(
        string title, string start, string end, IEnumerable<int> participantIds, Guid version = default,
        string place = "北区役所 4階 会議室", string onlineUrl = "", string agenda = "", bool isPublic = true)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", title), new("Input.Start", start), new("Input.End", end), new("Input.Place", place),
            new("Input.OnlineUrl", onlineUrl), new("Input.Agenda", agenda), new("Input.IsPublic", isPublic ? "true" : "false"),
            new("Input.Version", version.ToString()),
        };
        fields.AddRange(participantIds.Select(id => new KeyValuePair<string, string>("Input.ParticipantIds", id.ToString())));
        return fields;
    }

    public static async Task<List<int>> KitaPartnerIdsAsync(PortalTestHost host) =>
        [(await OrganisationAsync(host, "kita-community")).Id, (await OrganisationAsync(host, "kita-welfare")).Id];
}
