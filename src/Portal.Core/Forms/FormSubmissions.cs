using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Editing;

namespace Portal.Core.Forms;

/// <summary>What a create form's send carries for saving it once: who sent it, its one-time key, and a fingerprint of its fields.</summary>
/// <param name="Key">Null when the post carries no usable key (a hand-made or damaged post).</param>
public sealed record SentForm(string UserId, Guid? Key, string Fingerprint)
{
    /// <summary>A body that is not a readable form carries no key (and so is never saved as a create form).</summary>
    public static SentForm Of(PageModel page)
    {
        var userId = page.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Only a signed-in user's form is saved once.");
        var key = FormSubmissions.PostedKey(page.Request);
        return new(userId, key, key is null ? "" : FormSubmissions.Fingerprint(page.Request.Form));
    }
}

/// <summary>
/// "A form sent twice at the same instant saves once, enforced by the database." Each create form renders a one-time
/// key (<see cref="SubmissionKeyTagHelper"/>); its save and a <see cref="FormSubmission"/> row for (user, form, key)
/// are written in one transaction, so of two sends of one rendered form the unique index lets one commit and the other
/// rolls back and is answered with what the first created.
/// </summary>
public sealed class FormSubmissions(PortalDbContext db, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public const string KeyField = "__SubmissionKey";

    /// <summary>
    /// The key a POST carries, or null when it has none or not a usable one. Any other request, and a body that is not
    /// a readable form (a multipart type without its boundary, a cut-off body), carries none: a page rendered for it
    /// gets a fresh key instead of a 500.
    /// </summary>
    public static Guid? PostedKey(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
            return null;
        try
        {
            return Guid.TryParse(request.Form[KeyField], out var key) && key != Guid.Empty ? key : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="save"/> (which saves the new rows and says what it created, or why it saved nothing) unless
    /// this user's <paramref name="form"/> with this key was saved already, in one transaction with the record of the
    /// submission. Without a key the send cannot be told from a repeat: nothing is saved, and the form gets an error.
    /// </summary>
    public async Task<EditResult> SaveOnceAsync(SentForm sent, string form, Func<Task<EditResult>> save, CancellationToken ct)
    {
        if (sent.Key is not { } key)
            return EditResult.Invalid([MissingKey(sent)!]);
        if (await FindAsync(sent.UserId, form, key, ct) is { } earlier)
            return Repeat(earlier, sent.Fingerprint);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await save();
        if (result.Outcome != EditOutcome.Saved)
        {
            // Declined (a rule, or a unique name at the database): by this form's own twin sent at the same moment, or not.
            // A unique-index refusal has rolled the transaction back already (SaveUnlessTakenAsync).
            if (db.Database.CurrentTransaction is not null)
                await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await FindAsync(sent.UserId, form, key, ct) is { } twin ? Repeat(twin, sent.Fingerprint) : result;
        }
        FormSubmission? winner = null;
        var row = new FormSubmission
        {
            UserId = sent.UserId, Form = form, Key = key, Result = result.Id, Fingerprint = sent.Fingerprint, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (!await db.AddUnlessTakenAsync(row, async () => (winner = await FindAsync(sent.UserId, form, key, ct)) is not null, ct))
            return Repeat(winner!, sent.Fingerprint);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Saves a new row's form once (<see cref="SaveOnceAsync"/>, which needs <paramref name="sent"/>), or an edit's
    /// form as it is (edits carry a version instead of a key).
    /// </summary>
    public Task<EditResult> SaveOnceIfNewAsync(bool isNew, SentForm? sent, string form, Func<Task<EditResult>> save, CancellationToken ct) =>
        isNew ? SaveOnceAsync(sent ?? throw new ArgumentNullException(nameof(sent)), form, save, ct) : save();

    /// <summary>
    /// The answer to a form its rules refused. A create form's name "taken" may be this user's own row, saved by an
    /// earlier (or a simultaneous) send of the same rendered form: then it is answered as that send was (saved; or, sent
    /// again changed, 409 with a fresh key and these errors too). Otherwise: invalid, with these errors.
    /// </summary>
    /// <param name="sent">The create form's send; null for an edit.</param>
    public async Task<EditResult> RefusedAsync(SentForm? sent, string form, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        if (sent is not null && await EarlierAsync(sent, form, ct) is { } earlier)
            return earlier.IsSaved ? earlier : earlier with { Errors = [.. errors, .. earlier.FieldErrors] };
        return EditResult.Invalid(errors);
    }

    /// <summary>The form error of a create form sent without its key, or null: for a use case that lists all its errors at once.</summary>
    public FieldError? MissingKey(SentForm sent) =>
        sent.Key is null ? new FieldError("", T["このフォームの送信を確認できませんでした。内容を確かめて、もう一度送信してください。"]) : null;

    /// <summary>
    /// How an earlier send of this rendered form was answered, or null when there was none: for a use case that must not
    /// run its own checks (a name already taken) against its own first send.
    /// </summary>
    public async Task<EditResult?> EarlierAsync(SentForm sent, string form, CancellationToken ct) =>
        sent.Key is { } key && await FindAsync(sent.UserId, form, key, ct) is { } earlier ? Repeat(earlier, sent.Fingerprint) : null;

    private EditResult Repeat(FormSubmission earlier, string fingerprint) =>
        earlier.Fingerprint == fingerprint
            ? new(EditOutcome.AlreadySaved, earlier.Result)
            : new(EditOutcome.ResentChanged, Errors: [new FieldError("", T["このフォームはすでに送信され、保存されています。変更した内容を新しく保存するには、もう一度送信してください。"])]);

    /// <summary>Set when the page must be shown with a new key (its posted one is spent).</summary>
    internal const string FreshKeyItem = "Portal.Forms.FreshSubmissionKey";

    /// <summary>The fields as sent, in a stable order, without the antiforgery token (new on every render) and the key.</summary>
    internal static string Fingerprint(IFormCollection fields)
    {
        var text = new StringBuilder();
        foreach (var (name, values) in fields.Where(f => f.Key is not (KeyField or "__RequestVerificationToken")).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name.Length).Append(':').Append(name);
            foreach (var value in values)
                text.Append('|').Append(value?.Length ?? 0).Append(':').Append(value);
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The record of this user's form saved with this key, if any.</summary>
    private Task<FormSubmission?> FindAsync(string userId, string form, Guid key, CancellationToken ct) =>
        db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId && s.Form == form && s.Key == key, ct);
}
