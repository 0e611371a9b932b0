using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;

namespace Portal.Modules.Digests.Pages;

/// <summary>The signed-in user's own digest subscriptions; nobody sees or changes another user's.</summary>
[Authorize]
public class SubscriptionsModel(SubscriptionService subscriptions, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public SubscriptionInput Input { get; set; } = new();

    public IReadOnlyList<DigestSubscription> Subscriptions { get; private set; } = [];
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public bool HasEmail { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await ReplyAsync(await subscriptions.SubscribeAsync(User, Input, ModelState.IsValid, ct), T["購読を保存しました。"].Value, ct);

    public async Task<IActionResult> OnPostFrequencyAsync(int id, DigestFrequency? frequency, CancellationToken ct) =>
        await ReplyAsync(await subscriptions.ChangeFrequencyAsync(User, id, frequency, ct), T["配信頻度を変更しました。"].Value, ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await ReplyAsync(await subscriptions.DeleteAsync(User, id, ct), T["購読を削除しました。"].Value, ct);

    private async Task<IActionResult> ReplyAsync(EditResult result, string status, CancellationToken ct)
    {
        if (result.Outcome == EditOutcome.Invalid)
            await LoadAsync(ct);
        return this.Reply(result, _ =>
        {
            TempData["Status"] = status;
            return RedirectToPage();
        });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = SubscriptionService.UserIdOf(User);
        Subscriptions = await subscriptions.OfUserAsync(userId, ct);
        Wards = await organisations.WardsAsync(ct);
        Organisations = await subscriptions.OrganisationsAsync(ct);
        HasEmail = await subscriptions.HasEmailAsync(userId, ct);
    }

    public static string FrequencyLabel(DigestFrequency f) => f switch
    {
        DigestFrequency.Daily => "毎日",
        DigestFrequency.Weekly => "毎週（月曜日）",
        _ => "停止中",
    };
}
