using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Councils;

/// <summary>The councils on a map (Leaflet, served from this module's assets) with the same councils as a list for keyboard and screen-reader users.</summary>
public class MapModel(CouncilQueries queries, PortalDbContext db, IConfiguration configuration) : PageModel
{
    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public const string DefaultAttribution = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public Ward? SelectedWard { get; private set; }
    public IReadOnlyList<CouncilMapPoint> Points { get; private set; } = [];

    public string TileUrl => configuration["Portal:Map:TileUrl"] is { Length: > 0 } url ? url : DefaultTileUrl;
    public string Attribution => configuration["Portal:Map:Attribution"] is { Length: > 0 } text ? text : DefaultAttribution;

    public string GeoJsonUrl => SelectedWard is null ? "/api/councils/geojson" : $"/api/councils/geojson?ward={Uri.EscapeDataString(SelectedWard.Code)}";

    public async Task<IActionResult> OnGetAsync(string? ward, CancellationToken ct)
    {
        Wards = await db.Wards.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(ct);
        if (!string.IsNullOrEmpty(ward))
        {
            SelectedWard = Wards.FirstOrDefault(w => w.Code == ward);
            if (SelectedWard is null)
                return NotFound();
        }
        Points = await queries.MapPointsAsync(SelectedWard?.Code, ct);
        return Page();
    }
}
