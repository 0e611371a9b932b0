namespace Portal.Tests.Hardening.BadInput;

/// <summary>What the second of two identical submissions should do.</summary>
public enum Second
{
    /// <summary>Take the user where the first one did (the row it created), without creating another.</summary>
    SameRedirect,
    /// <summary>Report success again, without creating another row.</summary>
    Redirect,
    /// <summary>Show the form again with the message that the name is taken (names are unique).</summary>
    NameTaken,
    /// <summary>Refuse with the conflict message: the form's version is no longer the stored one.</summary>
    Conflict,
}
