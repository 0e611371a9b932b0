using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Forms;

namespace Portal.Core.Editing;

/// <summary>How a page answers an editor's <see cref="EditResult"/>: the one place the conflict and error replies are written.</summary>
public static class EditResultPages
{
    internal const string ConflictItem = "Portal.Editing.Conflict";

    /// <summary>
    /// Saved (now or by an earlier send): <paramref name="saved"/>. Not found / forbidden: 404 / 403. Invalid: the form
    /// again with each error on its field (under <paramref name="prefix"/>). Conflict: the form again, answering 409, with
    /// the message, who saved and when (<c>&lt;conflict-notice /&gt;</c>), and the current version in the form so that a
    /// second save overrides. A changed resend: the form again with a fresh key, answering 409.
    /// </summary>
    /// <param name="keepVersion">Sets the page's bound version to the row's current one (conflicts only).</param>
    /// <param name="prefix">The name the input is bound under; "" for fields bound by their own names.</param>
    public static IActionResult Reply(this PageModel page, EditResult result, Func<EditResult, IActionResult> saved,
        Action<Guid>? keepVersion = null, string prefix = "Input")
    {
        switch (result.Outcome)
        {
            case EditOutcome.Saved or EditOutcome.AlreadySaved:
                return saved(result);
            case EditOutcome.NotFound:
                return page.NotFound();
            case EditOutcome.Forbidden:
                return page.Forbid();
            case EditOutcome.Conflict:
                var conflict = result.Conflict!;
                page.ModelState.AddModelError("", conflict.Message);
                page.ModelState.Remove(FieldKey(prefix, "Version"));
                keepVersion?.Invoke(conflict.CurrentVersion);
                page.HttpContext.Items[ConflictItem] = conflict;
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                return page.Page();
            case EditOutcome.ResentChanged:
                page.HttpContext.Items[FormSubmissions.FreshKeyItem] = true;
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                AddErrors(page, result, prefix);
                return page.Page();
            default:
                AddErrors(page, result, prefix);
                return page.Page();
        }
    }

    /// <summary>
    /// A request whose query string (or post) the page cannot read: the page again, answering 400, with each message on
    /// its parameter. <paramref name="localise"/> translates messages that are resource keys.
    /// </summary>
    public static IActionResult BadQuery(this PageModel page, IEnumerable<KeyValuePair<string, string[]>> errors, Func<string, string>? localise = null)
    {
        foreach (var (key, messages) in errors)
            page.ModelState.AddModelError(key, localise is null ? messages[0] : localise(messages[0]));
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    /// <summary>The page again, answering 400, with <paramref name="message"/> on <paramref name="key"/>.</summary>
    public static IActionResult BadQuery(this PageModel page, string key, string message) => page.BadQuery([new(key, [message])]);

    /// <summary>The conflict a reply put on this request, for the form's notice.</summary>
    public static EditConflict? ConflictOf(HttpContext http) => http.Items[ConflictItem] as EditConflict;

    private static void AddErrors(PageModel page, EditResult result, string prefix)
    {
        foreach (var error in result.FieldErrors)
            page.ModelState.AddModelError(error.Field.Length == 0 ? "" : FieldKey(prefix, error.Field), error.Message);
    }

    private static string FieldKey(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
}
