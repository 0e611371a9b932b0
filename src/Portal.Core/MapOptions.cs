namespace Portal.Core;

/// <summary>
/// Portal:Map:* settings: the tile server of the council map, which is also the one host the site's content security
/// policy lets images come from. An empty value means the default.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Portal:Map";
    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public const string DefaultAttribution = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /// <summary>A Leaflet URL template, e.g. https://{s}.tiles.example.jp/{z}/{x}/{y}.png.</summary>
    public string TileUrl { get; set => field = string.IsNullOrEmpty(value) ? DefaultTileUrl : value; } = DefaultTileUrl;

    /// <summary>HTML shown in the map's corner, crediting the tiles' source.</summary>
    public string Attribution { get; set => field = string.IsNullOrEmpty(value) ? DefaultAttribution : value; } = DefaultAttribution;
}
