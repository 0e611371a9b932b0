using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Pages.Councils;

/// <summary>The councils on a map (Leaflet, served from this module's assets) with the same councils as a list for keyboard and screen-reader users.</summary>
public class MapModel(CouncilQueries queries, OrganisationLookup organisations, IOptions<MapOptions> map) : PageModel
{
    public IReadOnlyList<Ward> Wards { get; private set; } = [];
    public Ward? SelectedWard { get; private set; }
    public IReadOnlyList<CouncilMapPoint> Points { get; private set; } = [];

    public string TileUrl => map.Value.TileUrl;
    public string Attribution => map.Value.Attribution;

    public string GeoJsonUrl => SelectedWard is null ? "/api/councils/geojson" : $"/api/councils/geojson?ward={Uri.EscapeDataString(SelectedWard.Code)}";

    public async Task<IActionResult> OnGetAsync(string? ward, CancellationToken ct)
    {
        Wards = await organisations.WardsAsync(ct);
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
