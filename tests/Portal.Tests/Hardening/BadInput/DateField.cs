namespace Portal.Tests.Hardening.BadInput;

/// <summary>A field of a form that holds a date, and whether the form needs it.</summary>
public sealed record DateField(DateKind Kind, bool Required = true);
