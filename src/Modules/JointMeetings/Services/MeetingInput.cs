using System.ComponentModel.DataAnnotations;
using Portal.Core.Data;
using Portal.Core.Time;
using Portal.Core.Validation;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>A meeting as its form sends it; <see cref="MeetingEditor.SaveMeetingAsync"/> checks the rest.</summary>
public sealed class MeetingInput
{
    [Display(Name = "会議名")]
    [RequiredText]
    [MaxChars(200)]
    public string Title { get; set; } = "";

    /// <summary>Only administrators choose; staff organise for their own ward office.</summary>
    [Display(Name = "主催組織")]
    public int? OrganiserId { get; set; }

    [Display(Name = "開始日時")]
    [RequiredText]
    [SupportedDate]
    public DateTime? Start { get; set; }

    [Display(Name = "終了日時")]
    [RequiredText]
    [SupportedDate]
    public DateTime? End { get; set; }

    [Display(Name = "場所")]
    [MaxChars(200)]
    public string? Place { get; set; }

    [Display(Name = "オンライン会議のURL")]
    [MaxChars(500)]
    public string? OnlineUrl { get; set; }

    [Display(Name = "概要")]
    [MaxChars(2000)]
    public string? Description { get; set; }

    [Display(Name = "参加組織")]
    public List<int> ParticipantIds { get; set; } = [];

    [Display(Name = "招待者")]
    [MaxChars(2000)]
    public string? InvitedPeople { get; set; }

    [Display(Name = "議題")]
    [MaxChars(10000)]
    public string? Agenda { get; set; }

    [Display(Name = "一般に公開する")]
    public bool IsPublic { get; set; }

    public Guid Version { get; set; }

    /// <param name="organisations">Every organisation an agenda item may name as its presenter.</param>
    public static MeetingInput From(Meeting meeting, IReadOnlyList<Organisation> organisations) => new()
    {
        Title = meeting.Title, OrganiserId = meeting.OrganisingOrganisationId,
        Start = TokyoTime.ToTokyo(meeting.StartUtc), End = TokyoTime.ToTokyo(meeting.EndUtc),
        Place = meeting.Place, OnlineUrl = meeting.OnlineUrl, Description = meeting.Description,
        ParticipantIds = meeting.Participants.Select(p => p.OrganisationId).ToList(),
        InvitedPeople = meeting.InvitedPeople, Agenda = AgendaText.Format(meeting.Agenda, organisations),
        IsPublic = meeting.IsPublic, Version = meeting.Version,
    };
}
