using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;
using Portal.Modules.SupportOrganisations.Models;

namespace Portal.Modules.SupportOrganisations.Services;

/// <summary>
/// The module's use cases that write: a support profile and a council's choice for a fiscal year, each checked
/// (ownership, the values offered, the version the form was rendered from) and saved. The recipe step writes through
/// it too. Stamps, the change log and cache eviction are the shared write pipeline's (PortalDbContext).
/// </summary>
public sealed class SupportEditor(PortalDbContext db, OrganisationLookup organisations, TimeProvider clock, IStringLocalizer<Strings> T)
{
    /// <summary>
    /// Edits profile <paramref name="id"/>, or without one the user's own organisation's profile (created on its first save).
    /// </summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> SaveProfileAsync(ClaimsPrincipal user, int? id, ProfileInput input, bool inputIsValid, CancellationToken ct)
    {
        SupportProfile? profile;
        if (id is not null)
        {
            profile = await db.Set<SupportProfile>().Include(p => p.Wards).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (profile is null) return EditResult.NotFound;
            if (!user.CanEditProfile(profile)) return EditResult.Forbidden;
        }
        else
        {
            if (await organisations.OfUserAsync(user, ct) is not { } own || !own.IsSupportOrganisation()) return EditResult.NotFound;
            profile = await db.Set<SupportProfile>().Include(p => p.Wards).FirstOrDefaultAsync(p => p.OrganisationId == own.Id, ct)
                ?? new SupportProfile { OrganisationId = own.Id };
        }

        var errors = new List<FieldError>();
        if (input.Services.Any(s => !FlagSet<SupportServices>.All.Contains(s)))
            errors.Add(new(nameof(input.Services), T["支援内容の値が正しくありません。"]));
        var website = input.WebsiteUrl?.Trim() ?? "";
        if (website.Length > 0 && !WebsiteUrl.IsValid(website))
            errors.Add(new(nameof(input.WebsiteUrl), T["ウェブサイトは http:// または https:// で始まるアドレスを入力してください。"]));
        var codes = input.WardCodes.Distinct().ToList();
        var wardIds = await db.Wards.Where(w => codes.Contains(w.Code)).Select(w => w.Id).ToListAsync(ct);
        if (codes.Count == 0)
            errors.Add(new(nameof(input.WardCodes), T["対象の区を1つ以上選択してください。"]));
        else if (wardIds.Count != codes.Count)
            errors.Add(new(nameof(input.WardCodes), T["対象の区の値が正しくありません。"]));
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        profile.Services = FlagSet<SupportServices>.Combine(input.Services);
        profile.ServicesNote = input.ServicesNote?.Trim() ?? "";
        profile.Description = input.Description?.Trim() ?? "";
        profile.Staff = input.Staff?.Trim() ?? "";
        profile.TrackRecord = input.TrackRecord?.Trim() ?? "";
        profile.ContactName = input.ContactName?.Trim() ?? "";
        profile.ContactPhone = input.ContactPhone?.Trim() ?? "";
        profile.ContactEmail = input.ContactEmail?.Trim() ?? "";
        profile.WebsiteUrl = website;
        profile.IsPublished = input.IsPublished;
        SetWards(profile, wardIds);
        var conflict = T["このプロフィールは他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"];
        // Two first saves of one organisation's profile at the same moment: the unique index kept the other.
        return await db.SaveEditAsync(profile, input.Version, conflict, ct,
            taken: () => ProfileExistsAsync(profile.OrganisationId, profile.Id, ct), takenError: new FieldError("", conflict));
    }

    /// <summary>Records council <paramref name="councilId"/>'s choice for the input's year: the year's row is added or changed.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> RecordChoiceAsync(ClaimsPrincipal user, int councilId, ChoiceInput input, bool inputIsValid, CancellationToken ct)
    {
        var council = await db.Set<DistrictCouncil>().AsNoTracking().Include(c => c.Ward).FirstOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null) return EditResult.NotFound;
        if (!user.CanEditProfile(council)) return EditResult.Forbidden;

        var errors = new List<FieldError>();
        if (!FiscalYear.Recordable(clock).Contains(input.FiscalYear))
            errors.Add(new(nameof(input.FiscalYear), T["年度を選択してください。"]));
        if (input.ProfileId is { } chosen && !await ChoosableAsync(chosen, council.WardId, ct))
            errors.Add(new(nameof(input.ProfileId), T["この中間支援組織は{0}を対象にしていないため選べません。", council.Ward!.Name]));
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        var profileId = input.ProfileId!.Value;
        var reason = input.Reason!.Trim();
        var conflict = T["この年度の選択は他の人が先に記録しました。最新の内容を確認してから、もう一度保存してください。"];
        var choice = await db.Set<SupportChoice>().FirstOrDefaultAsync(c => c.CouncilId == councilId && c.FiscalYear == input.FiscalYear, ct);
        if (choice is not null && input.Version == Guid.Empty && choice.ProfileId == profileId && choice.Reason == reason)
            return EditResult.Saved(choice.Id); // the same new choice sent twice: recorded the first time
        if (choice is null && input.Version != Guid.Empty)
            return EditResult.Conflicted(new EditConflict("", default, Guid.Empty, conflict)); // the row the form was based on has gone

        choice ??= new SupportChoice { CouncilId = councilId, FiscalYear = input.FiscalYear };
        choice.ProfileId = profileId;
        choice.Reason = reason;
        var result = await db.SaveEditAsync(choice, input.Version, conflict, ct,
            taken: () => ChoiceExistsAsync(councilId, input.FiscalYear, choice.Id, ct), takenError: new FieldError("", conflict));
        if (result.Outcome != EditOutcome.Invalid)
            return result;
        // Two first choices for the year at the same moment: the unique index kept the other, which the form now shows.
        var other = await db.Set<SupportChoice>().AsNoTracking().FirstAsync(c => c.CouncilId == councilId && c.FiscalYear == input.FiscalYear, ct);
        return EditResult.Conflicted(new EditConflict(other.ModifiedBy, other.ModifiedUtc, other.Version, conflict));
    }

    /// <summary>Adds a recipe's profile with its wards, unless its organisation has one already (then false: it is left as it is).</summary>
    public Task<bool> ImportProfileAsync(SupportProfile profile, IReadOnlyCollection<int> wardIds, CancellationToken ct)
    {
        SetWards(profile, wardIds);
        return db.ImportUnlessPresentAsync(profile, () => ProfileExistsAsync(profile.OrganisationId, 0, ct), ct);
    }

    /// <summary>Adds a recipe's choice, unless the council has one for that year already (then false: it is left as it is).</summary>
    public Task<bool> ImportChoiceAsync(SupportChoice choice, CancellationToken ct) =>
        db.ImportUnlessPresentAsync(choice, () => ChoiceExistsAsync(choice.CouncilId, choice.FiscalYear, 0, ct), ct);

    /// <summary>Makes the profile's wards exactly <paramref name="wardIds"/>.</summary>
    private static void SetWards(SupportProfile profile, IReadOnlyCollection<int> wardIds)
    {
        profile.Wards.RemoveAll(w => !wardIds.Contains(w.WardId));
        foreach (var wardId in wardIds.Where(id => profile.Wards.All(w => w.WardId != id)))
            profile.Wards.Add(new SupportProfileWard { WardId = wardId });
    }

    private Task<bool> ChoosableAsync(int profileId, int wardId, CancellationToken ct) =>
        db.Set<SupportProfile>().Where(SupportQueries.ChoosableIn(wardId)).AnyAsync(p => p.Id == profileId, ct);

    private Task<bool> ProfileExistsAsync(int organisationId, int exceptId, CancellationToken ct) =>
        db.Set<SupportProfile>().AnyAsync(p => p.OrganisationId == organisationId && p.Id != exceptId, ct);

    private Task<bool> ChoiceExistsAsync(int councilId, int fiscalYear, int exceptId, CancellationToken ct) =>
        db.Set<SupportChoice>().AnyAsync(c => c.CouncilId == councilId && c.FiscalYear == fiscalYear && c.Id != exceptId, ct);
}
