using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>An action item as its form sends it; <see cref="TaskForceEditor.SaveActionAsync"/> checks the rest.</summary>
public sealed class ActionInput
{
    [Display(Name = "内容")]
    [RequiredText]
    [MaxChars(ActionItem.DescriptionMaxLength)]
    public string Description { get; set; } = "";

    [Display(Name = "担当組織")]
    [RequiredChoice]
    public int? OwnerOrganisationId { get; set; }

    [Display(Name = "期限")]
    [RequiredText]
    [SupportedDate]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "状態")]
    public ActionStatus Status { get; set; }

    [Display(Name = "関連する決定事項")]
    public int? DecisionId { get; set; }

    public Guid Version { get; set; }

    public static ActionInput From(ActionItem item) => new()
    {
        Description = item.Description, OwnerOrganisationId = item.OwnerOrganisationId, DueDate = item.DueDate,
        Status = item.Status, DecisionId = item.DecisionId, Version = item.Version,
    };
}
