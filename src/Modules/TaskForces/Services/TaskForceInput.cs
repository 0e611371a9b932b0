using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.TaskForces.Models;

namespace Portal.Modules.TaskForces.Services;

/// <summary>A task force as its form sends it; <see cref="TaskForceEditor.SaveTaskForceAsync"/> checks the rest.</summary>
public sealed class TaskForceInput
{
    public const int WorkingGroupsMaxLength = 4000;

    [Display(Name = "名称")]
    [RequiredText]
    [MaxChars(TaskForce.NameMaxLength)]
    public string Name { get; set; } = "";

    [Display(Name = "概要")]
    [MaxChars(TaskForce.DescriptionMaxLength)]
    public string? Description { get; set; }

    [Display(Name = "メンバー組織")]
    public List<int> MemberIds { get; set; } = [];

    /// <summary>One working group name a line.</summary>
    [Display(Name = "ワーキンググループ")]
    [MaxChars(WorkingGroupsMaxLength)]
    public string? WorkingGroups { get; set; }

    [Display(Name = "一般に公開する")]
    public bool IsPublic { get; set; }

    public Guid Version { get; set; }

    /// <summary>The working group names, one a line, blank lines left out.</summary>
    public List<string> WorkingGroupNames() =>
        (WorkingGroups ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Needs Members and WorkingGroups loaded.</summary>
    public static TaskForceInput From(TaskForce taskForce) => new()
    {
        Name = taskForce.Name, Description = taskForce.Description, IsPublic = taskForce.IsPublic, Version = taskForce.Version,
        MemberIds = taskForce.Members.Select(m => m.OrganisationId).ToList(),
        WorkingGroups = string.Join('\n', taskForce.WorkingGroups.OrderBy(g => g.Id).Select(g => g.Name)),
    };
}
