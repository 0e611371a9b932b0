using System.ComponentModel.DataAnnotations;
using Portal.Core.Content;
using Portal.Core.Validation;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Services;

/// <summary>A council profile as its form sends it; <see cref="CouncilEditor.SaveCouncilAsync"/> checks the rest.</summary>
public sealed class CouncilInput
{
    [Display(Name = "名称")]
    [RequiredText]
    [MaxChars(120)]
    public string Name { get; set; } = "";

    [Display(Name = "区")]
    [RequiredChoice]
    [StringLength(6)]
    public string WardCode { get; set; } = "";

    [Display(Name = "担当組織")]
    public int? ManagingOrganisationId { get; set; }

    [Display(Name = "地域（校区）")]
    [MaxChars(200)]
    public string? Area { get; set; }

    [Display(Name = "活動分野")]
    public List<ActivityFields> Fields { get; set; } = [];

    [Display(Name = "紹介")]
    [MaxChars(4000)]
    public string? Description { get; set; }

    [Display(Name = "連絡先の名称")]
    [MaxChars(100)]
    public string? ContactName { get; set; }

    [Display(Name = "電話番号")]
    [MaxChars(30)]
    [PhoneNumber]
    public string? ContactPhone { get; set; }

    [Display(Name = "メールアドレス")]
    [MaxChars(254)]
    [EmailText]
    public string? ContactEmail { get; set; }

    [Display(Name = "緯度")]
    [InRange(-90.0, 90.0)]
    public double? Latitude { get; set; }

    [Display(Name = "経度")]
    [InRange(-180.0, 180.0)]
    public double? Longitude { get; set; }

    [Display(Name = "公開する")]
    public bool IsPublished { get; set; }

    public Guid Version { get; set; }

    public static CouncilInput From(DistrictCouncil c) => new()
    {
        Name = c.Name, WardCode = c.Ward!.Code, ManagingOrganisationId = c.ManagingOrganisationId, Area = c.Area,
        Fields = FlagSet<ActivityFields>.Split(c.Fields).ToList(), Description = c.Description,
        ContactName = c.ContactName, ContactPhone = c.ContactPhone, ContactEmail = c.ContactEmail,
        Latitude = c.Latitude, Longitude = c.Longitude, IsPublished = c.IsPublished, Version = c.Version,
    };
}
