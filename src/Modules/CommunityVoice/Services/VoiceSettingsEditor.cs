using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;

namespace Portal.Modules.CommunityVoice.Services;

/// <summary>
/// The use cases that write the module's settings: the city-wide categories and statuses (administrators), and a
/// ward's (or the city's) departments and routing table. Rows are never deleted here because items and history refer
/// to them. Recipe steps write through it too.
/// </summary>
public sealed class VoiceSettingsEditor(PortalDbContext db, VoiceQueries queries, OrganisationLookup organisations, IStringLocalizer<Strings> T)
{
    // The settings forms' fields; they are not under "Input.".
    private const string NewCategoryField = "NewCategoryName";
    private const string NewStatusField = "NewStatusName";
    private const string PublicResponseField = "IsPublicResponse";
    private const string NewDepartmentField = "NewDepartmentName";

    private static string RuleField(int categoryId) => $"Rules[{categoryId}]";

    public async Task<EditResult> AddCategoryAsync(ClaimsPrincipal user, string? name, bool inputIsValid, CancellationToken ct)
    {
        if (!user.IsAdministrator()) return EditResult.Forbidden;
        var trimmed = name?.Trim() ?? "";
        return await AddNamedAsync(NewCategoryField, trimmed, VoiceCategory.NameMaxLength, [], inputIsValid,
            () => db.Set<VoiceCategory>().AnyAsync(c => c.Name == trimmed, ct),
            async () => new VoiceCategory { Name = trimmed, SortOrder = (await db.Set<VoiceCategory>().MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1 },
            ct);
    }

    /// <param name="isClosed">The status ends the handling.</param>
    /// <param name="isPublicResponse">Reaching it publishes the response; only meaningful together with <paramref name="isClosed"/>.</param>
    public async Task<EditResult> AddStatusAsync(ClaimsPrincipal user, string? name, bool isClosed, bool isPublicResponse, bool inputIsValid,
        CancellationToken ct)
    {
        if (!user.IsAdministrator()) return EditResult.Forbidden;
        var trimmed = name?.Trim() ?? "";
        List<FieldError> errors = isPublicResponse && !isClosed
            ? [new(PublicResponseField, T["回答を公開する状況は、対応を終える状況にしてください。"])]
            : [];
        return await AddNamedAsync(NewStatusField, trimmed, VoiceStatus.NameMaxLength, errors, inputIsValid,
            () => db.Set<VoiceStatus>().AnyAsync(s => s.Name == trimmed, ct),
            async () => new VoiceStatus
            {
                Name = trimmed, IsClosed = isClosed, IsPublicResponse = isPublicResponse,
                SortOrder = (await db.Set<VoiceStatus>().MaxAsync(s => (int?)s.SortOrder, ct) ?? 0) + 1,
            },
            ct);
    }

    /// <summary>Adds a department to the table of <paramref name="wardId"/> (null: a city department), last in its list.</summary>
    public async Task<EditResult> AddDepartmentAsync(ClaimsPrincipal user, int? wardId, string? name, bool inputIsValid, CancellationToken ct)
    {
        if (!user.CanManageRouting(wardId, await organisations.OfUserAsync(user, ct))) return EditResult.Forbidden;
        var trimmed = name?.Trim() ?? "";
        return await AddNamedAsync(NewDepartmentField, trimmed, VoiceDepartment.NameMaxLength, [], inputIsValid,
            () => db.Set<VoiceDepartment>().AnyAsync(d => d.Name == trimmed && d.WardId == wardId, ct),
            async () => new VoiceDepartment { Name = trimmed, WardId = wardId, SortOrder = (await queries.DepartmentsForTableAsync(wardId, ct)).Count + 1 },
            ct,
            empty: T["担当課の名前を入力してください。"], tooLong: T["担当課の名前は{0}文字以内で入力してください。", VoiceDepartment.NameMaxLength]);
    }

    /// <summary>
    /// Replaces the routing table of <paramref name="wardId"/> (null: the city-wide defaults): per category the chosen
    /// department's id, or empty (or absent) for no row.
    /// </summary>
    public async Task<EditResult> SaveRoutingAsync(ClaimsPrincipal user, int? wardId, IReadOnlyDictionary<int, string?> departmentIds, bool inputIsValid,
        CancellationToken ct)
    {
        if (!user.CanManageRouting(wardId, await organisations.OfUserAsync(user, ct))) return EditResult.Forbidden;
        var departments = await queries.DepartmentsForTableAsync(wardId, ct);
        var errors = new List<FieldError>();
        var chosen = new Dictionary<int, int?>();
        foreach (var category in await queries.CategoriesAsync(ct))
        {
            var value = departmentIds.GetValueOrDefault(category.Id);
            if (string.IsNullOrEmpty(value))
                chosen[category.Id] = null;
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && departments.Any(d => d.Id == id))
                chosen[category.Id] = id;
            else
                errors.Add(new(RuleField(category.Id), T["「{0}」の担当課を一覧から選んでください。", T[category.Name]]));
        }
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);

        var existing = await db.Set<VoiceRoutingRule>().Where(r => r.WardId == wardId).ToListAsync(ct);
        foreach (var (categoryId, departmentId) in chosen)
            SetRule(existing.FirstOrDefault(r => r.CategoryId == categoryId), categoryId, wardId, departmentId);
        await db.SaveChangesAsync(ct);
        return EditResult.Saved("");
    }

    /// <summary>A recipe's department, added last unless the table already has one of that name.</summary>
    public async Task ImportDepartmentAsync(string name, int? wardId, CancellationToken ct) =>
        await db.ImportUnlessPresentAsync(
            new VoiceDepartment { Name = name, WardId = wardId, SortOrder = await db.Set<VoiceDepartment>().CountAsync(ct) + 1 },
            () => db.Set<VoiceDepartment>().AnyAsync(d => d.Name == name && d.WardId == wardId, ct), ct);

    /// <summary>A recipe's category, added last unless there is one of that name.</summary>
    public async Task ImportCategoryAsync(string name, CancellationToken ct) =>
        await db.ImportUnlessPresentAsync(
            new VoiceCategory { Name = name, SortOrder = await db.Set<VoiceCategory>().CountAsync(ct) + 1 },
            () => db.Set<VoiceCategory>().AnyAsync(c => c.Name == name, ct), ct);

    /// <summary>A recipe's status, added last unless there is one of that name.</summary>
    public async Task ImportStatusAsync(string name, bool isClosed, bool isPublicResponse, CancellationToken ct) =>
        await db.ImportUnlessPresentAsync(
            new VoiceStatus { Name = name, SortOrder = await db.Set<VoiceStatus>().CountAsync(ct) + 1, IsClosed = isClosed, IsPublicResponse = isPublicResponse },
            () => db.Set<VoiceStatus>().AnyAsync(s => s.Name == name, ct), ct);

    /// <summary>A recipe's routing rule: items of the category in the ward (null: city-wide) go to the department.</summary>
    public async Task ImportRoutingRuleAsync(int categoryId, int? wardId, int departmentId, CancellationToken ct)
    {
        SetRule(await db.Set<VoiceRoutingRule>().FirstOrDefaultAsync(r => r.CategoryId == categoryId && r.WardId == wardId, ct),
            categoryId, wardId, departmentId);
        await db.SaveChangesAsync(ct);
    }

    private void SetRule(VoiceRoutingRule? rule, int categoryId, int? wardId, int? departmentId)
    {
        if (departmentId is null)
        {
            if (rule is not null) db.Remove(rule);
        }
        else if (rule is null)
            db.Add(new VoiceRoutingRule { CategoryId = categoryId, WardId = wardId, DepartmentId = departmentId.Value });
        else
            rule.DepartmentId = departmentId.Value;
    }

    /// <summary>
    /// Adds a named row unless its name is empty, too long or taken (or <paramref name="errors"/> has other reasons, or the form failed its field checks); a
    /// unique index keeps the name when the same one is added at the same moment (a double click).
    /// </summary>
    /// <param name="empty">The message for an empty name, else the general one; <paramref name="tooLong"/> likewise.</param>
    private async Task<EditResult> AddNamedAsync(string field, string name, int maxLength, List<FieldError> errors, bool inputIsValid,
        Func<Task<bool>> taken, Func<Task<object>> create, CancellationToken ct, string? empty = null, string? tooLong = null)
    {
        string? nameError =
            name.Length == 0 ? empty ?? T["名前を入力してください。"]
            : name.Length > maxLength ? tooLong ?? T["名前は{0}文字以内で入力してください。", maxLength]
            : await taken() ? Taken(name)
            : null;
        if (nameError is not null)
            errors.Insert(0, new(field, nameError));
        if (errors.Count > 0 || !inputIsValid)
            return EditResult.Invalid(errors);
        return await db.AddUnlessTakenAsync(await create(), taken, ct) ? EditResult.Saved("") : EditResult.Invalid(field, Taken(name));
    }

    private string Taken(string name) => T["「{0}」はすでに登録されています。", name];
}
