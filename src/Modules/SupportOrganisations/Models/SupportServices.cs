using System.ComponentModel.DataAnnotations;

namespace Portal.Modules.SupportOrganisations.Models;

/// <summary>The kinds of help an intermediary support organisation offers councils; stored as flags (see <see cref="Portal.Core.Content.FlagSet{T}"/>).</summary>
[Flags]
public enum SupportServices
{
    None = 0,
    [Display(Name = "会計・事務支援")] AccountingAndAdministration = 1,
    [Display(Name = "広報支援")] PublicRelations = 2,
    [Display(Name = "担い手育成")] LeadershipDevelopment = 4,
    [Display(Name = "事業計画づくり")] BusinessPlanning = 8,
    [Display(Name = "地域資源のコーディネート")] ResourceCoordination = 16,
    [Display(Name = "法人化・認定支援")] IncorporationAndCertification = 32,
}
