using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;

namespace Portal.Modules.Digests.Pages;

public sealed class SubscriptionInput
{
    [Display(Name = "区")]
    public int? WardId { get; set; }

    [Display(Name = "組織")]
    public int? OrganisationId { get; set; }

    [Display(Name = "配信頻度")]
    [Required(ErrorMessage = "{0}を選択してください。")]
    public DigestFrequency? Frequency { get; set; }
}

/// <summary>The signed-in user's own digest subscriptions; nobody sees or changes another user's.</summary>
[Authorize]
public class SubscriptionsModel(PortalDbContext db, SubscriptionService subscriptions, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public SubscriptionInput Input { get; set; } = new();

    public IReadOnlyList<DigestSubscription> Subscriptions { get; private set; } = [];
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public bool HasEmail { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.WardId is null && Input.OrganisationId is null)
            ModelState.AddModelError("Input.WardId", T["区または組織のどちらかを選択してください。"]);
        if (Input.WardId is { } wardId && !await db.Wards.AnyAsync(w => w.Id == wardId, ct))
            ModelState.AddModelError("Input.WardId", T["区を一覧から選択してください。"]);
        if (Input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            ModelState.AddModelError("Input.OrganisationId", T["組織を一覧から選択してください。"]);
        if (Input.Frequency is { } f && !Enum.IsDefined(f))
            ModelState.AddModelError("Input.Frequency", T["配信頻度を選択してください。"]);

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        await subscriptions.SubscribeAsync(UserId, Input.WardId, Input.OrganisationId, Input.Frequency!.Value, ct);
        TempData["Status"] = T["購読を保存しました。"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFrequencyAsync(int id, DigestFrequency? frequency, CancellationToken ct)
    {
        if (frequency is not { } value || !Enum.IsDefined(value))
        {
            ModelState.AddModelError("", T["配信頻度を選択してください。"]);
            await LoadAsync(ct);
            return Page();
        }
        return Outcome(await subscriptions.ChangeFrequencyAsync(UserId, id, value, ct), T["配信頻度を変更しました。"].Value);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        Outcome(await subscriptions.DeleteAsync(UserId, id, ct), T["購読を削除しました。"].Value);

    private IActionResult Outcome(SubscriptionChange change, string status)
    {
        switch (change)
        {
            case SubscriptionChange.NotFound: return NotFound();
            case SubscriptionChange.NotOwner: return Forbid();
            default:
                TempData["Status"] = status;
                return RedirectToPage();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Subscriptions = await subscriptions.OfUserAsync(UserId, ct);
        Wards = await db.Wards.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(ct);
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.WardId).ThenBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        HasEmail = await db.Users.AnyAsync(u => u.Id == UserId && u.Email != null && u.Email != "", ct);
    }

    public static string FrequencyLabel(DigestFrequency f) => f switch
    {
        DigestFrequency.Daily => "毎日",
        DigestFrequency.Weekly => "毎週（月曜日）",
        _ => "停止中",
    };
}
