using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Modules.DistrictCouncils.Services;

/// <summary>
/// The module's use cases that write: a council profile and an update, each checked (ownership, one name per ward,
/// the stored length, a create form saved once, the version the form was rendered from) and saved. Recipe steps write
/// through it too. Stamps, the change log and cache eviction are the shared write pipeline's (PortalDbContext).
/// </summary>
public sealed class CouncilEditor(
    PortalDbContext db, OrganisationLookup organisations, RichText richText, StoredRichText storedRichText, FormSubmissions submissions, TimeProvider clock,
    IStringLocalizer<Strings> T)
{
    public const string CreateCouncilForm = "councils.create";
    public const string CreateUpdateForm = "updates.create";

    /// <summary>Creates (<paramref name="id"/> null, from a form sent once) or edits a council profile.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> SaveCouncilAsync(ClaimsPrincipal user, int? id, CouncilInput input, bool inputIsValid, SentForm? sent,
        CancellationToken ct)
    {
        if (!user.HasPermission(CouncilPermission.ManageCouncilProfiles)) return EditResult.Forbidden;
        DistrictCouncil? council = null;
        if (id is not null)
        {
            council = await db.Set<DistrictCouncil>().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (council is null) return EditResult.NotFound;
            if (!user.CanEditProfile(council)) return EditResult.Forbidden;
        }

        var errors = new List<FieldError>();
        if (council is null && sent is not null && submissions.MissingKey(sent) is { } missingKey)
            errors.Add(missingKey);
        var userOrganisation = await organisations.OfUserAsync(user, ct);
        var ward = await organisations.WardAsync(input.WardCode, ct);
        if (ward is null)
            errors.Add(new(nameof(input.WardCode), T["区を選択してください。"]));
        else if (!user.IsAdministrator() && userOrganisation?.WardId != ward.Id)
            errors.Add(new(nameof(input.WardCode), T["自組織の区の協議会だけを登録・編集できます。"]));
        // One name per ward, checked here for a clear message and kept by a unique index.
        var name = input.Name?.Trim() ?? "";
        if (ward is not null && name.Length > 0 && await NameTakenAsync(ward.Id, name, id ?? 0, ct))
            errors.Add(NameTaken(ward, name));
        if (input.Fields.Any(f => !FlagSet<ActivityFields>.All.Contains(f)))
            errors.Add(new(nameof(input.Fields), T["活動分野の値が正しくありません。"]));
        if (input.Latitude.HasValue != input.Longitude.HasValue)
            errors.Add(new(nameof(input.Longitude), T["緯度と経度は両方入力するか、両方空欄にしてください。"]));

        int managingOrganisationId;
        if (user.IsAdministrator())
        {
            managingOrganisationId = input.ManagingOrganisationId ?? council?.ManagingOrganisationId ?? 0;
            if (!await organisations.ExistsAsync(managingOrganisationId, ct))
                errors.Add(new(nameof(input.ManagingOrganisationId), T["担当組織を選択してください。"]));
        }
        else
        {
            // Staff cannot hand a council to another organisation: it stays with theirs.
            managingOrganisationId = council?.ManagingOrganisationId ?? userOrganisation?.Id ?? 0;
        }

        if (errors.Count > 0 || !inputIsValid)
            return await submissions.RefusedAsync(council is null ? sent : null, CreateCouncilForm, errors, ct);

        council ??= new DistrictCouncil { Name = "" };
        Apply(council, input, ward!.Id, managingOrganisationId);
        return await submissions.SaveOnceIfNewAsync(council.Id == 0, sent, CreateCouncilForm, () => SaveCouncilAsync(council, input.Version, ward, ct), ct);
    }

    /// <summary>
    /// Writes a new update on <paramref name="councilId"/> (<paramref name="id"/> null, from a form sent once) or an edit of
    /// update <paramref name="id"/>, as a draft or published, with its revision.
    /// </summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: nothing is saved.</param>
    public async Task<EditResult> SaveUpdateAsync(ClaimsPrincipal user, int? id, int? councilId, UpdateInput input, bool publish, bool inputIsValid,
        SentForm? sent, CancellationToken ct)
    {
        CouncilUpdate? update = null;
        DistrictCouncil council;
        if (id is not null)
        {
            update = await db.Set<CouncilUpdate>().Include(u => u.Council).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (update is null) return EditResult.NotFound;
            if (!user.CanEditUpdate(update)) return EditResult.Forbidden;
            council = update.Council!;
        }
        else
        {
            if (councilId is null || await db.Set<DistrictCouncil>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, ct) is not { } found)
                return EditResult.NotFound;
            if (!user.CanPostUpdateTo(found, await organisations.OfUserAsync(user, ct))) return EditResult.Forbidden;
            council = found;
        }

        if (update is null && sent is not null && submissions.MissingKey(sent) is { } missingKey)
            return EditResult.Invalid([missingKey]);
        if (!inputIsValid)
            return EditResult.Invalid([]);
        var (body, refused) = storedRichText.Sanitise(input.Body, CouncilUpdate.BodyMaxLength, nameof(input.Body));
        if (refused is not null)
            return refused;

        var status = publish ? UpdateStatus.Published : UpdateStatus.Draft;
        if (update is not null)
            return await SaveUpdateAsync(update, input.Version, input.Title, body, status, clock.GetUtcNow().UtcDateTime, ct);

        // Administrators without an organisation post on behalf of the council's managing organisation.
        var created = new CouncilUpdate { Title = "", CouncilId = council.Id, OrganisationId = user.OrganisationIdOf() ?? council.ManagingOrganisationId };
        return await submissions.SaveOnceAsync(sent ?? throw new ArgumentNullException(nameof(sent)), CreateUpdateForm,
            () => SaveUpdateAsync(created, input.Version, input.Title, body, status, clock.GetUtcNow().UtcDateTime, ct), ct);
    }

    /// <summary>Adds a recipe's council, unless one of that name is in its ward already (then false: it is left as it is).</summary>
    public Task<bool> ImportCouncilAsync(DistrictCouncil council, CancellationToken ct) =>
        db.ImportUnlessPresentAsync(council, () => NameTakenAsync(council.WardId, council.Name, 0, ct), ct);

    /// <summary>Adds a recipe's update, published at <paramref name="publishedUtc"/> (null: a draft), with its first revision.</summary>
    public Task ImportUpdateAsync(CouncilUpdate update, string bodyHtml, DateTime? publishedUtc, CancellationToken ct) =>
        SaveUpdateAsync(update, Guid.Empty, update.Title, richText.Sanitize(bodyHtml),
            publishedUtc is null ? UpdateStatus.Draft : UpdateStatus.Published, publishedUtc ?? default, ct);

    private Task<EditResult> SaveCouncilAsync(DistrictCouncil council, Guid expectedVersion, Ward ward, CancellationToken ct) =>
        db.SaveEditAsync(council, expectedVersion,
            T["この協議会は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"], ct,
            // The same name saved at the same moment (a double click, another editor): the unique index kept the other.
            taken: () => NameTakenAsync(council.WardId, council.Name, council.Id, ct),
            takenError: NameTaken(ward, council.Name));

    /// <summary>Applies an edit to a tracked (or new) update and records the revision in the same save.</summary>
    private async Task<EditResult> SaveUpdateAsync(CouncilUpdate update, Guid expectedVersion, string title, string sanitisedBody,
        UpdateStatus status, DateTime nowUtc, CancellationToken ct)
    {
        if (status == UpdateStatus.Published && update.Status != UpdateStatus.Published)
            update.PublishedUtc = nowUtc;
        update.Title = title.Trim();
        update.Body = sanitisedBody;
        update.Status = status;
        var lastNumber = update.Id == 0
            ? 0
            : await db.Set<CouncilUpdateRevision>().Where(r => r.UpdateId == update.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        update.Revisions.Add(new CouncilUpdateRevision { Number = lastNumber + 1, Title = update.Title, Body = update.Body, Status = status });
        return await db.SaveEditAsync(update, expectedVersion,
            T["この活動報告は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"], ct);
    }

    private static void Apply(DistrictCouncil council, CouncilInput input, int wardId, int managingOrganisationId)
    {
        council.Name = input.Name.Trim();
        council.WardId = wardId;
        council.ManagingOrganisationId = managingOrganisationId;
        council.Area = input.Area?.Trim() ?? "";
        council.Fields = FlagSet<ActivityFields>.Combine(input.Fields);
        council.Description = input.Description?.Trim() ?? "";
        council.ContactName = input.ContactName?.Trim() ?? "";
        council.ContactPhone = input.ContactPhone?.Trim() ?? "";
        council.ContactEmail = input.ContactEmail?.Trim() ?? "";
        council.Latitude = input.Latitude;
        council.Longitude = input.Longitude;
        council.IsPublished = input.IsPublished;
    }

    private Task<bool> NameTakenAsync(int wardId, string name, int exceptId, CancellationToken ct) =>
        db.Set<DistrictCouncil>().AnyAsync(c => c.WardId == wardId && c.Name == name && c.Id != exceptId, ct);

    private FieldError NameTaken(Ward ward, string name) => new(nameof(CouncilInput.Name), T["{0}には「{1}」がすでに登録されています。", ward.Name, name]);
}
