namespace Portal.Core;

/// <summary>Marker for the core's resources (Resources/Strings.en.resx); keys are the Japanese text.</summary>
public sealed class Strings;
