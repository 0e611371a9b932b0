using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;
using Portal.Modules.Digests.Models;
using Portal.Modules.Digests.Services;

namespace Portal.Modules.Digests.Pages.Staff;

/// <summary>Recent digest runs with their deliveries by status; a suspended or failed run can be resent at once.</summary>
[Authorize(Roles = PortalRoles.Administrator)]
public class RunsModel(DigestRunAdministration runs, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<DigestRunOverview> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Runs = await runs.RecentAsync(ct);

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken ct)
    {
        if (!await runs.ResendAsync(id, ct))
            return NotFound();
        TempData["Status"] = T["未送信の配信を送信待ちに戻しました。次の送信ジョブで送信されます。"].Value;
        return RedirectToPage();
    }

    /// <summary>The Japanese label of the run's progress (the resources translate it).</summary>
    public static string StateLabel(DigestRunOverview overview) =>
        overview.Run.State == DigestRunState.Suspended ? "停止中（メールサーバーの障害）"
        : overview.Count(DeliveryStatus.Pending) + overview.Count(DeliveryStatus.Sending) + overview.Count(DeliveryStatus.Retrying) > 0 ? "送信中"
        : overview.Count(DeliveryStatus.Failed) > 0 ? "完了（送信できなかった配信あり）"
        : "完了";

    public static readonly (DeliveryStatus Status, string Label)[] StatusLabels =
    [
        (DeliveryStatus.Sent, "送信済み"),
        (DeliveryStatus.Pending, "送信待ち"),
        (DeliveryStatus.Sending, "送信処理中"),
        (DeliveryStatus.Retrying, "再試行待ち"),
        (DeliveryStatus.Failed, "送信できず"),
        (DeliveryStatus.Skipped, "対象なし"),
    ];
}
