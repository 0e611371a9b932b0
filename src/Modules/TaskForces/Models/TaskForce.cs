using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Portal.Core.Caching;
using Portal.Core.Data;
using Portal.Core.Search;

namespace Portal.Modules.TaskForces.Models;

/// <summary>A task force (e.g. 地域力強化タスクフォース) run by one organisation with partner members and working groups.</summary>
public class TaskForce : ModifiedEntity, ISearchIndexed
{
    public const string SearchType = "taskforce";

    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>The public pages that show this content carry this output-cache tag; a committed save evicts it.</summary>
    public const string CacheTag = PublicPageCache.ContentTagPrefix + "taskforce";

    string ISearchIndexed.SearchContentType => SearchType;

    string ISearchIndexed.CacheTag => CacheTag;
    string ISearchIndexed.SearchKey => Id.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }

    [MaxLength(NameMaxLength)]
    public required string Name { get; set; }

    public int WardId { get; set; }
    public Ward? Ward { get; set; }

    /// <summary>The organisation whose staff edit the task force.</summary>
    public int OwnerOrganisationId { get; set; }
    public Organisation? OwnerOrganisation { get; set; }

    [MaxLength(DescriptionMaxLength)]
    public string Description { get; set; } = "";

    /// <summary>Residents read public task forces; private ones are for staff of the owner and member organisations.</summary>
    public bool IsPublic { get; set; }

    public List<TaskForceMember> Members { get; set; } = [];
    public List<WorkingGroup> WorkingGroups { get; set; } = [];
    public List<TaskForceSession> Sessions { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];
}

public class TaskForceMember : ISearchIndexed
{
    string ISearchIndexed.SearchContentType => TaskForce.SearchType;
    string ISearchIndexed.CacheTag => TaskForce.CacheTag;
    string ISearchIndexed.SearchKey => TaskForceId.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }
    public int TaskForceId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>A ワーキンググループ inside a task force.</summary>
public class WorkingGroup : ISearchIndexed
{
    public const int NameMaxLength = 200;

    string ISearchIndexed.SearchContentType => TaskForce.SearchType;
    string ISearchIndexed.CacheTag => TaskForce.CacheTag;
    string ISearchIndexed.SearchKey => TaskForceId.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }
    public int TaskForceId { get; set; }

    [MaxLength(NameMaxLength)]
    public required string Name { get; set; }
}

/// <summary>A session of the whole task force, or of one of its working groups.</summary>
/// <remarks>Sessions and their decisions are part of the task force's search document; saving decisions saves the session too.</remarks>
public class TaskForceSession : ISearchIndexed, IVersioned
{
    public const int AttendeesMaxLength = 1000;
    public const int SummaryMaxLength = 4000;

    string ISearchIndexed.SearchContentType => TaskForce.SearchType;
    string ISearchIndexed.CacheTag => TaskForce.CacheTag;
    string ISearchIndexed.SearchKey => TaskForceId.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }
    public int TaskForceId { get; set; }

    public int? WorkingGroupId { get; set; }
    public WorkingGroup? WorkingGroup { get; set; }

    public DateTime StartUtc { get; set; }

    [MaxLength(AttendeesMaxLength)]
    public string Attendees { get; set; } = "";

    [MaxLength(SummaryMaxLength)]
    public string Summary { get; set; } = "";

    public Guid Version { get; set; }

    public List<Decision> Decisions { get; set; } = [];
}

/// <summary>A decision recorded at a session, numbered within it.</summary>
public class Decision
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public int Number { get; set; }

    [MaxLength(TextMaxLength)]
    public required string Text { get; set; }
}

public enum ActionStatus
{
    Open = 0,
    InProgress = 1,
    Done = 2,
}

public class ActionItem : ModifiedEntity, ISearchIndexed
{
    public const int DescriptionMaxLength = 500;

    string ISearchIndexed.SearchContentType => TaskForce.SearchType;
    string ISearchIndexed.CacheTag => TaskForce.CacheTag;
    string ISearchIndexed.SearchKey => TaskForceId.ToString(CultureInfo.InvariantCulture);

    public int Id { get; set; }
    public int TaskForceId { get; set; }
    public TaskForce? TaskForce { get; set; }

    [MaxLength(DescriptionMaxLength)]
    public required string Description { get; set; }

    /// <summary>The organisation responsible; its staff update the status.</summary>
    public int OwnerOrganisationId { get; set; }
    public Organisation? OwnerOrganisation { get; set; }

    /// <summary>A date in Tokyo; the item is overdue from the next day on.</summary>
    public DateOnly DueDate { get; set; }

    public ActionStatus Status { get; set; }

    public int? SessionId { get; set; }
    public TaskForceSession? Session { get; set; }

    public int? DecisionId { get; set; }
    public Decision? Decision { get; set; }

    public bool IsOverdue(DateOnly todayInTokyo) => Status != ActionStatus.Done && DueDate < todayInTokyo;
}

public static class ActionStatusLabels
{
    public static readonly IReadOnlyList<ActionStatus> All = [ActionStatus.Open, ActionStatus.InProgress, ActionStatus.Done];

    /// <summary>The Japanese label, which is also the localisation key.</summary>
    public static string Japanese(ActionStatus status) => status switch
    {
        ActionStatus.Open => "未着手",
        ActionStatus.InProgress => "対応中",
        ActionStatus.Done => "完了",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
