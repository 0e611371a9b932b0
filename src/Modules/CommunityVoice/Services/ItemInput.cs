using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>A voice item's recorded fields as the record form sends them; <see cref="VoiceEditor.SaveItemAsync"/> checks the rest.</summary>
public sealed class ItemInput
{
    [Display(Name = "件名")]
    [RequiredText]
    [MaxChars(VoiceItem.SummaryMaxLength)]
    public string Summary { get; set; } = "";

    [Display(Name = "内容")]
    [MaxChars(VoiceItem.DetailsMaxLength)]
    public string? Details { get; set; }

    /// <summary>Chosen by administrators only; staff record items for their own ward.</summary>
    [Display(Name = "区")]
    public string? WardCode { get; set; }

    [Display(Name = "地域")]
    [MaxChars(VoiceItem.AreaNameMaxLength)]
    public string? AreaName { get; set; }

    /// <summary>Set on creation only; afterwards the ward office changes it (and so re-routes) on the handling form.</summary>
    [Display(Name = "分類")]
    public int? CategoryId { get; set; }

    [Display(Name = "出典")]
    [RequiredChoice]
    [KnownValue(typeof(VoiceSource))]
    public VoiceSource? Source { get; set; }

    [Display(Name = "出典の詳細")]
    [MaxChars(VoiceItem.SourceReferenceMaxLength)]
    public string? SourceReference { get; set; }

    [Display(Name = "受付日")]
    [RequiredText]
    [SupportedDate]
    public DateOnly? RaisedOn { get; set; }

    [Display(Name = "回答期限")]
    [SupportedDate]
    public DateOnly? TargetResponseDate { get; set; }

    [Display(Name = "お名前")]
    [MaxChars(VoiceItem.RaiserNameMaxLength)]
    public string? RaiserName { get; set; }

    [Display(Name = "連絡先")]
    [MaxChars(VoiceItem.RaiserContactMaxLength)]
    public string? RaiserContact { get; set; }

    /// <summary>Set on creation only, so a raiser can keep a sensitive item from residents from the start; afterwards the ward office decides.</summary>
    public bool IsPublic { get; set; } = true;

    public Guid Version { get; set; }

    /// <summary>A new record form: heard today by liaison staff, to be answered within 30 days.</summary>
    public static ItemInput New(DateOnly today, string? wardCode) =>
        new() { RaisedOn = today, TargetResponseDate = today.AddDays(30), Source = VoiceSource.LiaisonStaff, WardCode = wardCode };

    public static ItemInput From(VoiceItem item) => new()
    {
        Summary = item.Summary, Details = item.Details, WardCode = item.Ward!.Code, AreaName = item.AreaName, CategoryId = item.CategoryId,
        Source = item.Source, SourceReference = item.SourceReference, RaisedOn = item.RaisedOn, TargetResponseDate = item.TargetResponseDate,
        RaiserName = item.RaiserName, RaiserContact = item.RaiserContact, Version = item.Version,
    };
}
