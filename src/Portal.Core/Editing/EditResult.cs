namespace Portal.Core.Editing;

public enum EditOutcome
{
    /// <summary>This send saved the form.</summary>
    Saved,
    /// <summary>An earlier (or simultaneous) send of the same rendered create form saved it; nothing new was saved.</summary>
    AlreadySaved,
    /// <summary>Nothing was saved: <see cref="EditResult.Errors"/> says why, per field.</summary>
    Invalid,
    /// <summary>Someone saved the row since the form was rendered: nothing was saved; <see cref="EditResult.Conflict"/> says who and when.</summary>
    Conflict,
    /// <summary>
    /// The create form's one-time key was saved with other content (restored with Back, changed, sent again): nothing was
    /// saved; the page is shown again with a fresh key and answers 409.
    /// </summary>
    ResentChanged,
    /// <summary>The row the form edits does not exist.</summary>
    NotFound,
    /// <summary>The user may not make this change.</summary>
    Forbidden,
}

/// <param name="Field">The input's property name (e.g. "Title"); "" for the form as a whole.</param>
public sealed record FieldError(string Field, string Message);

/// <summary>The row as it is now, saved by someone else after the form was rendered.</summary>
public sealed record EditConflict(string ModifiedBy, DateTime ModifiedUtc, Guid CurrentVersion, string Message);

/// <summary>
/// What an editor's use case came to. Editors check the rules and save; a page model only maps the result
/// (<see cref="EditResultPages.Reply"/>).
/// </summary>
/// <param name="Id">What the save created or changed (a new row's id), for Saved and AlreadySaved.</param>
public sealed record EditResult(EditOutcome Outcome, string Id = "", IReadOnlyList<FieldError>? Errors = null, EditConflict? Conflict = null)
{
    public static readonly EditResult NotFound = new(EditOutcome.NotFound);
    public static readonly EditResult Forbidden = new(EditOutcome.Forbidden);

    /// <summary>The form is saved, by this send or an earlier one: answer as the first send was answered.</summary>
    public bool IsSaved => Outcome is EditOutcome.Saved or EditOutcome.AlreadySaved;

    public IReadOnlyList<FieldError> FieldErrors => Errors ?? [];

    public static EditResult Saved(string id) => new(EditOutcome.Saved, id);

    public static EditResult Saved(int id) => Saved(id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static EditResult Invalid(string field, string message) => new(EditOutcome.Invalid, Errors: [new FieldError(field, message)]);

    public static EditResult Invalid(IReadOnlyList<FieldError> errors) => new(EditOutcome.Invalid, Errors: errors);

    public static EditResult Conflicted(EditConflict conflict) => new(EditOutcome.Conflict, Conflict: conflict);
}
