using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;

namespace Portal.Modules.Digests.Pages;

/// <summary>
/// The link in every digest. GET asks for confirmation; POST switches the subscription off. The POST is RFC 8058
/// one-click: mail clients send it without cookies or an antiforgery token, so the signed token is the only credential.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(UnsubscribeTokens tokens, SubscriptionService subscriptions) : PageModel
{
    public const string InvalidTokenMessage = "配信停止のリンクが正しくないか、有効期限が切れています。購読の設定ページから停止してください。";

    public DigestSubscription? Subscription { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var id) || await subscriptions.FindAsync(id, ct) is not { } subscription)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Subscription = subscription;
        Done = subscription.Frequency == DigestFrequency.Off;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var id) || !await subscriptions.SwitchOffAsync(id, ct))
        {
            return new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "配信停止のリンクが無効です。",
                Detail = InvalidTokenMessage,
            }) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
        }
        Subscription = await subscriptions.FindAsync(id, ct);
        Done = true;
        return Page();
    }
}
