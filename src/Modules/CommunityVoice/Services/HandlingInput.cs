using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>The ward office's handling form of an item; <see cref="VoiceEditor.HandleAsync"/> checks the rest.</summary>
public sealed class HandlingInput
{
    [Display(Name = "分類")]
    [RequiredChoice]
    public int? CategoryId { get; set; }

    [Display(Name = "状況")]
    [RequiredChoice]
    public int? StatusId { get; set; }

    [Display(Name = "メモ")]
    [MaxChars(VoiceItemHistory.NoteMaxLength)]
    public string? Note { get; set; }

    [Display(Name = "回答")]
    [MaxChars(VoiceItem.ResponseMaxLength)]
    public string? Response { get; set; }

    public bool IsPublic { get; set; }

    public Guid Version { get; set; }

    public static HandlingInput From(VoiceItem item) => new()
    {
        CategoryId = item.CategoryId, StatusId = item.StatusId, Response = item.Response, IsPublic = item.IsPublic, Version = item.Version,
    };
}
