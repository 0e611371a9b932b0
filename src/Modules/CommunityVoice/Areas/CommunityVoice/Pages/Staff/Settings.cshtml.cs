using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Staff;

/// <summary>The city-wide lists every ward shares: categories and statuses. Administrators add to them.</summary>
[Authorize(Roles = PortalRoles.Administrator)]
public class SettingsModel(VoiceQueries queries, VoiceSettingsEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];
    public IReadOnlyList<VoiceStatus> Statuses { get; private set; } = [];
    public string? NewCategoryName { get; private set; }
    public string? NewStatusName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCategoryAsync([FromForm(Name = "NewCategoryName")] string? name, CancellationToken ct)
    {
        NewCategoryName = name;
        return await ReplyAsync(await editor.AddCategoryAsync(User, name, ModelState.IsValid, ct), () => T["分類「{0}」を追加しました。", name!.Trim()], ct);
    }

    /// <param name="isClosed">The status ends the handling.</param>
    /// <param name="isPublicResponse">Reaching it publishes the response; only meaningful together with <paramref name="isClosed"/>.</param>
    public async Task<IActionResult> OnPostStatusAsync(
        [FromForm(Name = "NewStatusName")] string? name, [FromForm(Name = "IsClosed")] bool isClosed,
        [FromForm(Name = "IsPublicResponse")] bool isPublicResponse, CancellationToken ct)
    {
        NewStatusName = name;
        return await ReplyAsync(await editor.AddStatusAsync(User, name, isClosed, isPublicResponse, ModelState.IsValid, ct),
            () => T["状況「{0}」を追加しました。", name!.Trim()], ct);
    }

    /// <param name="status">The message shown after the redirect, once saved.</param>
    private async Task<IActionResult> ReplyAsync(EditResult result, Func<string> status, CancellationToken ct)
    {
        if (!result.IsSaved)
            await LoadAsync(ct);
        return this.Reply(result, _ =>
        {
            TempData["Status"] = status();
            return RedirectToPage();
        }, prefix: "");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await queries.CategoriesAsync(ct);
        Statuses = await queries.StatusesAsync(ct);
    }
}
