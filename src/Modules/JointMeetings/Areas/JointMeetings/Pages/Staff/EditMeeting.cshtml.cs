using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

[RequirePermission(MeetingPermission.ManageMeetings)]
public class EditMeetingModel(MeetingQueries queries, MeetingEditor editor, OrganisationLookup organisations, IStringLocalizer<Strings> T)
    : PageModel
{
    /// <summary>The datetime-local format the browser sends and expects.</summary>
    public const string LocalInputFormat = "yyyy-MM-ddTHH:mm";

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Organisation> Organisers { get; private set; } = [];
    public IReadOnlyList<Organisation> ParticipantChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var meeting = await queries.FindForEditAsync(id.Value, ct);
            if (meeting is null) return NotFound();
            if (!User.CanEdit(meeting)) return Forbid();
            Input = MeetingInput.From(meeting, await organisations.AllAsync(ct));
            await LoadChoicesAsync(meeting.OrganisingOrganisationId, ct);
            return Page();
        }

        var organiserId = User.OrganisationIdOf() ?? 0;
        if (organiserId == 0 && User.IsAdministrator())
        {
            // Administrators without an organisation start from the first ward office; they may pick another.
            organiserId = (await queries.WardOfficesAsync(ct)).FirstOrDefault()?.Id ?? 0;
        }
        await LoadChoicesAsync(organiserId, ct);
        Input.OrganiserId = organiserId;
        Input.IsPublic = true;
        // The three partners of the organiser's ward are the usual table.
        Input.ParticipantIds = ParticipantChoices.Where(o => o.Kind != OrganisationKind.IntermediarySupport).Select(o => o.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = await editor.SaveMeetingAsync(User, id, Input, ModelState.IsValid, id is null ? SentForm.Of(this) : null, ct);
        if (!result.IsSaved)
        {
            var current = id is null ? null : await queries.OrganiserIdAsync(id.Value, ct);
            await LoadChoicesAsync(User.OrganiserIdFor(Input.OrganiserId, current), ct);
        }
        return this.Reply(result, saved =>
        {
            TempData["Status"] = T["会議を保存しました。"].Value;
            return Redirect($"/meetings/{saved.Id}");
        }, version => Input.Version = version);
    }

    private async Task LoadChoicesAsync(int organiserId, CancellationToken ct)
    {
        ParticipantChoices = await queries.ParticipantChoicesAsync(organiserId, ct);
        if (User.IsAdministrator())
            Organisers = await queries.WardOfficesAsync(ct);
    }
}
