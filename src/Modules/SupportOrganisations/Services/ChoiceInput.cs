using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Services;

/// <summary>A council's choice for one fiscal year as its form sends it; <see cref="SupportEditor.RecordChoiceAsync"/> checks the rest.</summary>
public sealed class ChoiceInput
{
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }

    [Display(Name = "選ぶ中間支援組織")]
    [RequiredChoice]
    public int? ProfileId { get; set; }

    [Display(Name = "選んだ理由")]
    [RequiredText]
    [MaxChars(SupportChoice.ReasonMaxLength)]
    public string? Reason { get; set; }

    public Guid Version { get; set; }

    /// <summary>The form for <paramref name="fiscalYear"/>: the recorded choice, if there is one.</summary>
    public static ChoiceInput From(int fiscalYear, SupportChoice? choice) => new()
    {
        FiscalYear = fiscalYear, ProfileId = choice?.ProfileId, Reason = choice?.Reason, Version = choice?.Version ?? Guid.Empty,
    };
}
