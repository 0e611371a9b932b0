namespace Portal.Web;

/// <summary>Marker for the host's resources (Resources/Strings.en.resx); keys are the Japanese text.</summary>
public sealed class Strings;
