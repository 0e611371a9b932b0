using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Time;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Recipes;

/// <summary>
/// {"name":"jointMeetings","meetings":[{"title":"…","ward":"27127","organiser":"kita-ward-office","participants":["kita-community",…],
///   "start":"+7d 14:00" (or "2026-10-20T14:00:00+09:00"),"end":"…","place":"…","onlineUrl":null,"public":true,"agenda":["14:00 開会 @kita-ward-office",…],
///   "attendance":[{"organisation":"kita-community","count":3,"names":"…"}],"minutes":{"body":"&lt;p&gt;…","published":"…"}}]}
/// A meeting already present (same ward, title and start) is left as it is.
/// </summary>
public sealed class JointMeetingsStep(MeetingEditor editor) : IRecipeStepHandler
{
    public string StepName => "jointMeetings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Key, cancellationToken);

        foreach (var item in context.Read<Model>().Meetings)
        {
            if (!wards.TryGetValue(item.Ward, out var wardId))
                throw new RecipeException($"Meeting '{item.Title}': unknown ward '{item.Ward}'.");
            var start = context.Utc(item.Start);
            var end = context.Utc(item.End);
            if (end <= start)
                throw new RecipeException($"Meeting '{item.Title}': end must be after start.");

            var organiser = Find(organisations, item.Organiser, item.Title);
            var participants = item.Participants.Prepend(item.Organiser).Distinct().Select(k => Find(organisations, k, item.Title)).ToList();
            var meeting = new Meeting
            {
                Title = item.Title,
                WardId = wardId,
                OrganisingOrganisationId = organiser.Id,
                StartUtc = start,
                EndUtc = end,
                Place = item.Place ?? "",
                OnlineUrl = item.OnlineUrl ?? "",
                Description = item.Description ?? "",
                InvitedPeople = item.InvitedPeople ?? "",
                IsPublic = item.Public ?? true,
            };
            foreach (var organisation in participants)
            {
                var attendance = item.Attendance?.FirstOrDefault(a => a.Organisation == organisation.Key);
                meeting.Participants.Add(new MeetingParticipant
                {
                    OrganisationId = organisation.Id,
                    AttendeeCount = attendance?.Count,
                    AttendeeNames = attendance?.Names ?? "",
                });
            }

            var (agenda, errors) = AgendaText.Parse(string.Join('\n', item.Agenda ?? []),
                TimeOnly.FromDateTime(TokyoTime.ToTokyo(start)), TimeOnly.FromDateTime(TokyoTime.ToTokyo(end)), participants);
            if (errors.Count > 0)
                throw new RecipeException($"Meeting '{item.Title}': agenda: {string.Format(errors[0].Message, errors[0].Arguments)}");
            meeting.Agenda.AddRange(agenda);

            if (!await editor.ImportMeetingAsync(meeting, cancellationToken))
                continue;

            if (item.Minutes is { } m)
            {
                var published = context.Utc(m.Published);
                using (context.WritingAt(published ?? context.NowUtc))
                    await editor.ImportMinutesAsync(meeting, m.Body, published, cancellationToken);
            }
        }
    }

    private static Organisation Find(Dictionary<string, Organisation> organisations, string key, string meeting) =>
        organisations.TryGetValue(key, out var organisation) ? organisation : throw new RecipeException($"Meeting '{meeting}': unknown organisation '{key}'.");

    private sealed record AttendanceItem(string Organisation, int? Count, string? Names);
    private sealed record MinutesItem(string Body, RecipeTime? Published);

    private sealed record Item(
        string Title, string Ward, string Organiser, List<string> Participants, RecipeTime Start, RecipeTime End,
        string? Place, string? OnlineUrl, string? Description, string? InvitedPeople, bool? Public,
        List<string>? Agenda, List<AttendanceItem>? Attendance, MinutesItem? Minutes);

    private sealed record Model(List<Item> Meetings);
}
