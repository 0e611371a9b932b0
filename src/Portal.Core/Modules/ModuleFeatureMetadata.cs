namespace Portal.Core.Modules;

/// <summary>Endpoint metadata naming the module an endpoint belongs to; the feature gate reads it.</summary>
public sealed record ModuleFeatureMetadata(string Feature);
