using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations.Pages.Staff;

/// <summary>Without an id: the signed-in user's own organisation's profile (created on first save).</summary>
[RequirePermission(SupportPermission.ManageSupportProfile)]
public class EditProfileModel(SupportQueries queries, SupportEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Ward> Wards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var (profile, denied) = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (profile is not null)
            Input = ProfileInput.From(profile);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var result = await editor.SaveProfileAsync(User, id, Input, ModelState.IsValid, ct);
        if (!result.IsSaved && (await LoadAsync(id, ct)).Denied is { } denied) return denied;
        return this.Reply(result, saved =>
        {
            TempData["Status"] = T["プロフィールを保存しました。"].Value;
            return RedirectToPage("/Directory/Details", new { id = saved.Id });
        }, version => Input.Version = version);
    }

    /// <summary>The profile the form edits (null: the user's organisation has none yet), or the answer to give instead.</summary>
    private async Task<(SupportProfile? Profile, IActionResult? Denied)> LoadAsync(int? id, CancellationToken ct)
    {
        Wards = await organisations.WardsAsync(ct);
        if (id is not null)
        {
            var profile = await queries.FindAsync(id.Value, ct);
            if (profile is null) return (null, NotFound());
            if (!User.CanEditProfile(profile)) return (null, Forbid());
            Organisation = profile.Organisation!;
            return (profile, null);
        }

        if (await organisations.OfUserAsync(User, ct) is not { } own || !own.IsSupportOrganisation())
            return (null, NotFound());
        Organisation = own;
        return (await queries.FindOfOrganisationAsync(own.Id, ct), null);
    }
}
