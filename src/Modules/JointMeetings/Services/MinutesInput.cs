using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>A meeting's minutes as their form sends them; <see cref="MeetingEditor.SaveMinutesAsync"/> checks the rest.</summary>
public sealed class MinutesInput
{
    [Display(Name = "議事録")]
    [MaxChars(MeetingMinutes.BodyMaxLength)]
    public string? Body { get; set; }

    /// <summary>Empty while the meeting has no minutes yet.</summary>
    public Guid Version { get; set; }

    public static MinutesInput From(MeetingMinutes minutes) => new() { Body = minutes.Body, Version = minutes.Version };
}
