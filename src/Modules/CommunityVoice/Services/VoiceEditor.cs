using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>
/// The module's use cases that write a voice item: recording one (routed by the table, saved once per rendered form),
/// correcting its recorded fields, and the ward office's handling (re-routing on a category change, status changes
/// with their history, the response and its publication). Each checks access and its rules and returns the result the
/// page maps. Recipe steps write through it too. Stamps, the change log and cache eviction are the shared write
/// pipeline's (PortalDbContext).
/// </summary>
public sealed class VoiceEditor(
    PortalDbContext db, VoiceRouter router, OrganisationLookup organisations, FormSubmissions submissions, TimeProvider clock,
    IStringLocalizer<Strings> T)
{
    public const string Unassigned = "未割当";
    public const string RecordForm = "voice.create";

    /// <summary>Records a new item (<paramref name="id"/> null, from a form sent once) or corrects the recorded fields of one.</summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> SaveItemAsync(ClaimsPrincipal user, int? id, ItemInput input, bool inputIsValid, SentForm? sent,
        CancellationToken ct)
    {
        var userOrganisation = await organisations.OfUserAsync(user, ct);
        VoiceItem? item = null;
        if (id is not null)
        {
            item = await db.Set<VoiceItem>().Include(i => i.History).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (item is null) return EditResult.NotFound;
            if (!user.CanEditDetails(item, userOrganisation)) return EditResult.Forbidden;
        }
        else if (!user.CanRaise(userOrganisation))
            return EditResult.Forbidden;

        var errors = new List<FieldError>();
        var wardId = item?.WardId ?? userOrganisation?.WardId;
        if (item is null)
        {
            if (user.IsAdministrator())
            {
                wardId = (await organisations.WardAsync(input.WardCode, ct))?.Id;
                if (wardId is null)
                    errors.Add(new(nameof(input.WardCode), T["区を選んでください。"]));
            }
            if (input.CategoryId is not { } categoryId || !await db.Set<VoiceCategory>().AnyAsync(c => c.Id == categoryId, ct))
                errors.Add(new(nameof(input.CategoryId), T["分類を一覧から選んでください。"]));
        }
        if (input.TargetResponseDate is { } target && input.RaisedOn is { } raised && target < raised)
            errors.Add(new(nameof(input.TargetResponseDate), T["回答期限は受付日以降の日付にしてください。"]));
        if (item is null && sent is not null && submissions.MissingKey(sent) is { } missingKey)
            errors.Add(missingKey);
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        if (item is not null)
        {
            Apply(item, input);
            return await db.SaveEditAsync(item, input.Version, ConflictMessage, ct);
        }
        // Administrators without an organisation record items on behalf of the ward's office.
        var raisedBy = userOrganisation?.Id ?? await WardOfficeIdAsync(wardId!.Value, ct);
        if (raisedBy is null)
            return EditResult.Invalid("", T["この区には区役所が登録されていません。"]);
        var created = new VoiceItem
        {
            Summary = "", WardId = wardId!.Value, CategoryId = input.CategoryId!.Value, RaisedByOrganisationId = raisedBy.Value, IsPublic = input.IsPublic,
        };
        Apply(created, input);
        return await submissions.SaveOnceAsync(sent ?? throw new ArgumentNullException(nameof(sent)), RecordForm,
            () => AddAsync(created, ct), ct);
    }

    /// <summary>
    /// The ward office's decision on an item. A new category re-routes it; reaching a closing status with a public
    /// response publishes the response, leaving it withdraws it.
    /// </summary>
    /// <param name="inputIsValid">False when the form already failed its field checks: the rest are still made, nothing is saved.</param>
    public async Task<EditResult> HandleAsync(ClaimsPrincipal user, int id, HandlingInput input, bool inputIsValid, CancellationToken ct)
    {
        var item = await db.Set<VoiceItem>()
            .Include(i => i.Category).Include(i => i.Department).Include(i => i.Status).Include(i => i.History)
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return EditResult.NotFound;
        if (!user.CanHandle(item, await organisations.OfUserAsync(user, ct))) return EditResult.Forbidden;

        var errors = new List<FieldError>();
        var category = input.CategoryId is { } categoryId ? await db.Set<VoiceCategory>().FindAsync([categoryId], ct) : null;
        var status = input.StatusId is { } statusId ? await db.Set<VoiceStatus>().FindAsync([statusId], ct) : null;
        if (input.CategoryId is not null && category is null)
            errors.Add(new(nameof(input.CategoryId), T["分類を一覧から選んでください。"]));
        if (input.StatusId is not null && status is null)
            errors.Add(new(nameof(input.StatusId), T["状況を一覧から選んでください。"]));
        if (status is { IsClosed: true, IsPublicResponse: true } && string.IsNullOrWhiteSpace(input.Response))
            errors.Add(new(nameof(input.Response), T["「{0}」にするには、公開する回答を入力してください。", T[status.Name]]));
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        await ApplyHandlingAsync(item, category!, status!, input.Note ?? "", input.Response ?? "", input.IsPublic, clock.GetUtcNow().UtcDateTime, ct);
        return await db.SaveEditAsync(item, input.Version, ConflictMessage, ct);
    }

    /// <summary>
    /// Adds a recipe's item as a recorded one (initial status, routed, "received"), unless one with its summary is in its
    /// ward already (then false: it is left as it is).
    /// </summary>
    public async Task<bool> ImportItemAsync(VoiceItem item, CancellationToken ct)
    {
        if (await db.Set<VoiceItem>().AnyAsync(x => x.WardId == item.WardId && x.Summary == item.Summary, ct))
            return false;
        await AddAsync(item, ct);
        return true;
    }

    /// <summary>A recipe's step of an item's handling: the status it moved to at <paramref name="atUtc"/>, with a note.</summary>
    public async Task ImportStatusChangeAsync(VoiceItem item, VoiceStatus status, string note, DateTime atUtc, CancellationToken ct)
    {
        await db.Entry(item).Reference(i => i.Category).LoadAsync(ct);
        await db.Entry(item).Reference(i => i.Status).LoadAsync(ct);
        await ApplyHandlingAsync(item, item.Category!, status, note, item.Response, item.IsPublic, atUtc, ct);
        await db.SaveChangesAsync(ct);
    }

    private string ConflictMessage => T["この地域の声は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。"];

    /// <summary>Adds a new item in the initial status, routed by the table, with its "received" history row.</summary>
    private async Task<EditResult> AddAsync(VoiceItem item, CancellationToken ct)
    {
        var initial = await db.Set<VoiceStatus>().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).FirstAsync(ct);
        var department = await router.DepartmentForAsync(item.CategoryId, item.WardId, ct);
        item.StatusId = initial.Id;
        item.DepartmentId = department?.Id;
        item.History.Add(new VoiceItemHistory { Kind = VoiceHistoryKind.Received, To = department?.Name ?? Unassigned });
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return EditResult.Saved(item.Id);
    }

    /// <summary>Applies a handling decision to a tracked item (with Category, Department, Status and History loaded).</summary>
    private async Task ApplyHandlingAsync(VoiceItem item, VoiceCategory category, VoiceStatus status, string note, string response,
        bool isPublic, DateTime nowUtc, CancellationToken ct)
    {
        note = note.Trim();
        var noteWritten = false;

        void Record(VoiceHistoryKind kind, string from, string to)
        {
            item.History.Add(new VoiceItemHistory { Kind = kind, From = from, To = to, Note = noteWritten ? "" : note });
            noteWritten = true;
        }

        if (category.Id != item.CategoryId)
        {
            var department = await router.DepartmentForAsync(category.Id, item.WardId, ct);
            Record(VoiceHistoryKind.CategoryChanged, item.Category!.Name, category.Name);
            if (department?.Id != item.DepartmentId)
                Record(VoiceHistoryKind.Rerouted, item.Department?.Name ?? Unassigned, department?.Name ?? Unassigned);
            item.CategoryId = category.Id;
            item.Category = category;
            item.DepartmentId = department?.Id;
            item.Department = department;
        }
        if (status.Id != item.StatusId)
        {
            Record(VoiceHistoryKind.StatusChanged, item.Status!.Name, status.Name);
            item.StatusId = status.Id;
            item.Status = status;
        }
        if (!noteWritten && note.Length > 0)
            Record(VoiceHistoryKind.Noted, "", "");

        item.Response = response.Trim();
        var publishes = status is { IsClosed: true, IsPublicResponse: true } && item.Response.Length > 0;
        item.ResponsePublishedUtc = publishes ? item.ResponsePublishedUtc ?? nowUtc : null;
        item.IsPublic = isPublic;
    }

    private static void Apply(VoiceItem item, ItemInput input)
    {
        item.Summary = input.Summary.Trim();
        item.Details = input.Details?.Trim() ?? "";
        item.AreaName = input.AreaName?.Trim() ?? "";
        item.Source = input.Source!.Value;
        item.SourceReference = input.SourceReference?.Trim() ?? "";
        item.RaisedOn = input.RaisedOn!.Value;
        item.TargetResponseDate = input.TargetResponseDate;
        item.RaiserName = input.RaiserName?.Trim() ?? "";
        item.RaiserContact = input.RaiserContact?.Trim() ?? "";
    }

    private Task<int?> WardOfficeIdAsync(int wardId, CancellationToken ct) =>
        db.Organisations.Where(o => o.WardId == wardId && o.Kind == OrganisationKind.WardOffice).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
}
