using System.ComponentModel.DataAnnotations;
using Portal.Core.Content;
using Portal.Core.Validation;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Services;

/// <summary>A support profile as its form sends it; <see cref="SupportEditor.SaveProfileAsync"/> checks the rest.</summary>
public sealed class ProfileInput
{
    [Display(Name = "支援内容")]
    public List<SupportServices> Services { get; set; } = [];

    [Display(Name = "その他の支援")]
    [MaxChars(1000)]
    public string? ServicesNote { get; set; }

    [Display(Name = "対象の区")]
    public List<string> WardCodes { get; set; } = [];

    [Display(Name = "紹介")]
    [MaxChars(4000)]
    public string? Description { get; set; }

    [Display(Name = "スタッフ")]
    [MaxChars(2000)]
    public string? Staff { get; set; }

    [Display(Name = "支援実績")]
    [MaxChars(4000)]
    public string? TrackRecord { get; set; }

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

    [Display(Name = "ウェブサイト")]
    [MaxChars(300)]
    public string? WebsiteUrl { get; set; }

    [Display(Name = "公開する")]
    public bool IsPublished { get; set; }

    public Guid Version { get; set; }

    /// <summary>The form of a saved profile (its wards loaded with their codes).</summary>
    public static ProfileInput From(SupportProfile p) => new()
    {
        Services = FlagSet<SupportServices>.Split(p.Services).ToList(),
        ServicesNote = p.ServicesNote,
        WardCodes = p.Wards.Select(w => w.Ward!.Code).ToList(),
        Description = p.Description, Staff = p.Staff, TrackRecord = p.TrackRecord,
        ContactName = p.ContactName, ContactPhone = p.ContactPhone, ContactEmail = p.ContactEmail,
        WebsiteUrl = p.WebsiteUrl, IsPublished = p.IsPublished, Version = p.Version,
    };
}
