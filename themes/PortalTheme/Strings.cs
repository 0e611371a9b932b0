namespace Portal.Theme;

/// <summary>Marker for the theme's resources (Resources/Strings.en.resx); keys are the Japanese text.</summary>
public sealed class Strings;
