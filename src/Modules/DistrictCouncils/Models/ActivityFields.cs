using System.ComponentModel.DataAnnotations;

namespace Portal.Modules.DistrictCouncils.Models;

/// <summary>The six fields a 地域活動協議会 must cover to be certified; stored as flags (see <see cref="Portal.Core.Content.FlagSet{T}"/>).</summary>
[Flags]
public enum ActivityFields
{
    None = 0,
    [Display(Name = "防犯・防災")] SafetyAndDisasterPrevention = 1,
    [Display(Name = "子ども・青少年")] ChildrenAndYouth = 2,
    [Display(Name = "福祉")] Welfare = 4,
    [Display(Name = "健康")] Health = 8,
    [Display(Name = "環境")] Environment = 16,
    [Display(Name = "文化・スポーツ")] CultureAndSports = 32,
}
