using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Forms;
using Portal.Core.Validation;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings.Pages.Staff;

public sealed class MeetingInput
{
    [Display(Name = "会議名")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string Title { get; set; } = "";

    /// <summary>Only administrators choose; staff organise for their own ward office.</summary>
    [Display(Name = "主催組織")]
    public int? OrganiserId { get; set; }

    [Display(Name = "開始日時")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [SupportedDate]
    public DateTime? Start { get; set; }

    [Display(Name = "終了日時")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [SupportedDate]
    public DateTime? End { get; set; }

    [Display(Name = "場所")]
    [StringLength(200, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Place { get; set; }

    [Display(Name = "オンライン会議のURL")]
    [StringLength(500, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? OnlineUrl { get; set; }

    [Display(Name = "概要")]
    [StringLength(2000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Description { get; set; }

    [Display(Name = "参加組織")]
    public List<int> ParticipantIds { get; set; } = [];

    [Display(Name = "招待者")]
    [StringLength(2000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? InvitedPeople { get; set; }

    [Display(Name = "議題")]
    [StringLength(10000, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    public string? Agenda { get; set; }

    [Display(Name = "一般に公開する")]
    public bool IsPublic { get; set; }

    public Guid Version { get; set; }
}

[RequirePermission(MeetingPermission.ManageMeetings)]
public class EditMeetingModel(PortalDbContext db, MeetingEditor editor, FormSubmissions submissions, IStringLocalizer<Strings> T) : PageModel
{
    /// <summary>The datetime-local format the browser sends and expects.</summary>
    public const string LocalInputFormat = "yyyy-MM-ddTHH:mm";

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Organisation> Organisers { get; private set; } = [];
    public IReadOnlyList<Organisation> ParticipantChoices { get; private set; } = [];
    public string? ConflictBy { get; private set; }
    public DateTime? ConflictAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        int organiserId;
        if (id is not null)
        {
            var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Participants).Include(m => m.Agenda)
                .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (meeting is null) return NotFound();
            if (!User.CanEdit(meeting)) return Forbid();
            organiserId = meeting.OrganisingOrganisationId;
            var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
            Input = new MeetingInput
            {
                Title = meeting.Title, OrganiserId = organiserId,
                Start = TokyoTime.ToTokyo(meeting.StartUtc), End = TokyoTime.ToTokyo(meeting.EndUtc),
                Place = meeting.Place, OnlineUrl = meeting.OnlineUrl, Description = meeting.Description,
                ParticipantIds = meeting.Participants.Select(p => p.OrganisationId).ToList(),
                InvitedPeople = meeting.InvitedPeople, Agenda = AgendaText.Format(meeting.Agenda, organisations),
                IsPublic = meeting.IsPublic, Version = meeting.Version,
            };
        }
        else
        {
            organiserId = User.OrganisationIdOf() ?? 0;
            if (organiserId == 0 && User.IsAdministrator())
            {
                // Administrators without an organisation start from the first ward office; they may pick another.
                organiserId = await db.Organisations.Where(o => o.Kind == OrganisationKind.WardOffice)
                    .OrderBy(o => o.Ward!.SortOrder).Select(o => o.Id).FirstOrDefaultAsync(ct);
            }
            Input.OrganiserId = organiserId;
            Input.IsPublic = true;
            // The three partners of the organiser's ward are the usual table.
            Input.ParticipantIds = await ChoicesQuery(organiserId).Where(o => o.Kind != OrganisationKind.IntermediarySupport).Select(o => o.Id).ToListAsync(ct);
        }
        await LoadChoicesAsync(organiserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Meeting? meeting = null;
        if (id is not null)
        {
            meeting = await db.Set<Meeting>().Include(m => m.Participants).Include(m => m.Agenda)
                .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (meeting is null) return NotFound();
            if (!User.CanEdit(meeting)) return Forbid();
        }

        // Staff cannot move a meeting to another organiser; administrators may.
        var organiserId = User.IsAdministrator()
            ? Input.OrganiserId ?? meeting?.OrganisingOrganisationId ?? 0
            : meeting?.OrganisingOrganisationId ?? User.OrganisationIdOf() ?? 0;
        var organiser = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organiserId, ct);
        if (organiser is not { Kind: OrganisationKind.WardOffice, WardId: not null })
        {
            if (!User.IsAdministrator()) return Forbid();
            ModelState.AddModelError("Input.OrganiserId", T["主催組織には区役所を選択してください。"]);
        }
        await LoadChoicesAsync(organiserId, ct);

        if (Input.Start is { } start && Input.End is { } end && end <= start)
            ModelState.AddModelError("Input.End", T["終了日時は開始日時より後にしてください。"]);
        var onlineUrl = Input.OnlineUrl?.Trim() ?? "";
        if (onlineUrl.Length > 0 && !(Uri.TryCreate(onlineUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            ModelState.AddModelError("Input.OnlineUrl", T["オンライン会議のURLは http:// または https:// で始まる正しいURLを入力してください。"]);
        if (Input.ParticipantIds.Any(pid => ParticipantChoices.All(o => o.Id != pid)))
            ModelState.AddModelError("Input.ParticipantIds", T["参加組織は主催する区の組織から選んでください。"]);

        var key = meeting is null ? submissions.KeyOf(this) : null;

        var participantIds = Input.ParticipantIds.Append(organiserId).Distinct().ToList();
        var participants = ParticipantChoices.Where(o => participantIds.Contains(o.Id)).ToList();
        List<AgendaItem> agenda = [];
        if (Input.Start is { } s && Input.End is { } e && e > s)
        {
            var (items, errors) = AgendaText.Parse(Input.Agenda, TimeOnly.FromDateTime(s), TimeOnly.FromDateTime(e), participants);
            foreach (var error in errors)
                ModelState.AddModelError("Input.Agenda", T[error.Message, error.Arguments]);
            agenda = items;
        }

        if (!ModelState.IsValid)
            return Page();

        if (key is not null)
        {
            // A new meeting: saved once however often (or however simultaneously) this rendered form is sent.
            var submission = await submissions.SaveOnceAsync(this, "meetings.create", key.Value, async () =>
            {
                var created = new Meeting { Title = "" };
                Apply(created, organiserId, organiser!.WardId!.Value, onlineUrl, participantIds, agenda);
                await editor.SaveMeetingAsync(created, Input.Version, User.Identity!.Name!, ct);
                return created.Id.ToString(CultureInfo.InvariantCulture);
            }, ct);
            return submission.IsSaved ? Saved(submission.Result) : Page();
        }

        Apply(meeting!, organiserId, organiser!.WardId!.Value, onlineUrl, participantIds, agenda);
        var outcome = await editor.SaveMeetingAsync(meeting!, Input.Version, User.Identity!.Name!, ct);
        if (outcome == SaveOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<Meeting>().AsNoTracking().FirstAsync(m => m.Id == meeting!.Id, ct);
            ModelState.AddModelError("", T["この会議は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"]);
            ConflictBy = current.ModifiedBy;
            ConflictAt = current.ModifiedUtc;
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Saved(meeting!.Id.ToString(CultureInfo.InvariantCulture));
    }

    private RedirectResult Saved(string meetingId)
    {
        TempData["Status"] = T["会議を保存しました。"].Value;
        return Redirect($"/meetings/{meetingId}");
    }

    private void Apply(Meeting meeting, int organiserId, int wardId, string onlineUrl, List<int> participantIds, List<AgendaItem> agenda)
    {
        meeting.Title = Input.Title.Trim();
        meeting.OrganisingOrganisationId = organiserId;
        meeting.WardId = wardId;
        meeting.StartUtc = TokyoTime.ToUtc(Input.Start!.Value);
        meeting.EndUtc = TokyoTime.ToUtc(Input.End!.Value);
        meeting.Place = Input.Place?.Trim() ?? "";
        meeting.OnlineUrl = onlineUrl;
        meeting.Description = Input.Description?.Trim() ?? "";
        meeting.InvitedPeople = Input.InvitedPeople?.Trim() ?? "";
        meeting.IsPublic = Input.IsPublic;
        // Attendance already recorded stays with the organisations that remain.
        meeting.Participants.RemoveAll(p => !participantIds.Contains(p.OrganisationId));
        foreach (var pid in participantIds.Where(pid => meeting.Participants.All(p => p.OrganisationId != pid)))
            meeting.Participants.Add(new MeetingParticipant { OrganisationId = pid });
        meeting.Agenda.Clear();
        meeting.Agenda.AddRange(agenda);
    }

    /// <summary>Organisations of the organiser's ward, plus intermediary support organisations that serve any ward.</summary>
    private IQueryable<Organisation> ChoicesQuery(int organiserId)
    {
        var wardId = db.Organisations.Where(o => o.Id == organiserId).Select(o => o.WardId);
        return db.Organisations.AsNoTracking()
            .Where(o => wardId.Contains(o.WardId) || (o.Kind == OrganisationKind.IntermediarySupport && o.WardId == null));
    }

    private async Task LoadChoicesAsync(int organiserId, CancellationToken ct)
    {
        ParticipantChoices = await ChoicesQuery(organiserId).OrderBy(o => o.Kind).ThenBy(o => o.Id).ToListAsync(ct);
        if (User.IsAdministrator())
            Organisers = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.WardOffice)
                .OrderBy(o => o.Ward!.SortOrder).ToListAsync(ct);
    }
}
