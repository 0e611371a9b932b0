using System.ComponentModel.DataAnnotations;
using Portal.Core.Time;
using Portal.Core.Validation;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>A session record as its form sends it; <see cref="TaskForceEditor.SaveSessionAsync"/> checks the rest.</summary>
public sealed class SessionInput
{
    public const int DecisionsMaxLength = 10000;

    [Display(Name = "日時")]
    [RequiredText]
    [SupportedDate]
    public DateTime? Start { get; set; }

    /// <summary>Null: a plenary session of the whole task force.</summary>
    [Display(Name = "ワーキンググループ")]
    public int? WorkingGroupId { get; set; }

    [Display(Name = "出席者")]
    [MaxChars(TaskForceSession.AttendeesMaxLength)]
    public string? Attendees { get; set; }

    [Display(Name = "概要")]
    [MaxChars(TaskForceSession.SummaryMaxLength)]
    public string? Summary { get; set; }

    /// <summary>One decision a line.</summary>
    [Display(Name = "決定事項")]
    [MaxChars(DecisionsMaxLength)]
    public string? Decisions { get; set; }

    /// <summary>The version the form was filled from: an edit saved by someone else in between is refused.</summary>
    public Guid Version { get; set; }

    /// <summary>The decisions, one a line, blank lines left out.</summary>
    public List<string> DecisionLines() =>
        (Decisions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Needs Decisions loaded.</summary>
    public static SessionInput From(TaskForceSession session) => new()
    {
        Start = TokyoTime.ToTokyo(session.StartUtc), WorkingGroupId = session.WorkingGroupId,
        Attendees = session.Attendees, Summary = session.Summary,
        Decisions = string.Join('\n', session.Decisions.OrderBy(d => d.Number).Select(d => d.Text)),
        Version = session.Version,
    };
}
