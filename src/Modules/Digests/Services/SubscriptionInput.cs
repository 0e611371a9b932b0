using System.ComponentModel.DataAnnotations;
using Portal.Core.Validation;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

public sealed class SubscriptionInput
{
    [Display(Name = "区")]
    public int? WardId { get; set; }

    [Display(Name = "組織")]
    public int? OrganisationId { get; set; }

    [Display(Name = "配信頻度")]
    [RequiredChoice]
    public DigestFrequency? Frequency { get; set; }
}
