using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Services;

/// <summary>An update as its form sends it; <see cref="CouncilEditor.SaveUpdateAsync"/> checks the rest.</summary>
public sealed class UpdateInput
{
    [Display(Name = "タイトル")]
    [RequiredText]
    [MaxChars(200)]
    public string Title { get; set; } = "";

    [Display(Name = "本文")]
    [MaxChars(CouncilUpdate.BodyMaxLength)]
    public string? Body { get; set; }

    public Guid Version { get; set; }

    public static UpdateInput From(CouncilUpdate update) => new() { Title = update.Title, Body = update.Body, Version = update.Version };
}
