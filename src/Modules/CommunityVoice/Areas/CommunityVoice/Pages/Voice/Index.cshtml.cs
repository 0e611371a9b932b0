using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice.Pages.Voice;

public class IndexModel(VoiceQueries queries, OrganisationLookup organisations, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public IReadOnlyList<VoiceCategory> Categories { get; private set; } = [];
    public IReadOnlyList<VoiceStatus> Statuses { get; private set; } = [];
    public Ward? SelectedWard { get; private set; }
    public VoiceFilter Filter { get; private set; } = new(null, null, null, 1);
    public Paged<PublicVoiceSummary>? Result { get; private set; }

    /// <param name="p">Page number; "page" is taken by Razor Pages routing.</param>
    public async Task<IActionResult> OnGetAsync(string? ward, string? category, string? status, string? p, CancellationToken ct)
    {
        Wards = await organisations.WardsAsync(ct);
        Categories = await queries.CategoriesAsync(ct);
        Statuses = await queries.StatusesAsync(ct);

        var errors = new Dictionary<string, string[]>();
        Filter = VoiceFilter.Parse(ward, category, status, p, errors);
        if (Filter.CategoryId is { } categoryId && Categories.All(c => c.Id != categoryId))
            errors["category"] = [T["指定された分類はありません。"]];
        if (Filter.StatusId is { } statusId && Statuses.All(s => s.Id != statusId))
            errors["status"] = [T["指定された状況はありません。"]];
        if (errors.Count > 0)
            return this.BadQuery(errors, key => T[key]); // the filter's messages are Japanese resource keys
        if (Filter.WardCode is not null)
        {
            SelectedWard = Wards.FirstOrDefault(w => w.Code == Filter.WardCode);
            if (SelectedWard is null)
                return NotFound();
        }
        Result = await queries.ListPublicAsync(Filter, ct);
        return Page();
    }

    public string? PageUrl(int page) =>
        Url.Page("/Voice/Index", new { ward = Filter.WardCode, category = Filter.CategoryId, status = Filter.StatusId, p = page });
}
