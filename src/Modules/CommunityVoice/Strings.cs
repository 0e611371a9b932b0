namespace Portal.Modules.CommunityVoice;

/// <summary>Marker for this module's resources (Resources/Strings.en.resx); keys are the Japanese text.</summary>
public sealed class Strings;
