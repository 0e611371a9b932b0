using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Staff;

[RequirePermission(CouncilPermission.ManageCouncilProfiles)]
public class EditCouncilModel(CouncilQueries queries, CouncilEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty]
    public CouncilInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<Organisation> ManagingOrganisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var council = await queries.FindAsync(id.Value, ct);
            if (council is null) return NotFound();
            if (!User.CanEditProfile(council)) return Forbid();
            Input = CouncilInput.From(council);
        }
        else if (await organisations.OfUserAsync(User, ct) is { Ward: { } ward })
        {
            Input.WardCode = ward.Code;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = await editor.SaveCouncilAsync(User, id, Input, ModelState.IsValid, id is null ? SentForm.Of(this) : null, ct);
        if (!result.IsSaved)
            await LoadChoicesAsync(ct);
        return this.Reply(result, saved =>
        {
            TempData["Status"] = T["協議会のプロフィールを保存しました。"].Value;
            return RedirectToPage("/Councils/Details", new { id = saved.Id });
        }, version => Input.Version = version);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Wards = await organisations.WardsAsync(ct);
        if (User.IsAdministrator())
            ManagingOrganisations = await organisations.AllAsync(ct);
    }
}
