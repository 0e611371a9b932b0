namespace Portal.Core.Data;

/// <summary>What a module editor's save of a form's changes came to.</summary>
public enum SaveOutcome
{
    Saved,
    /// <summary>Someone saved the row since the form was rendered (its version is newer): nothing was saved.</summary>
    Conflict,
    /// <summary>Another row holds the unique name (saved at the same moment: the unique index kept that one).</summary>
    NameTaken,
}
