namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// Another organisation's user (or a user tampering with a hidden field) posting a form. The form is rendered by
/// <see cref="RenderAs"/> (its owner, or the attacker themself for hidden-field tampering) from <see cref="Page"/>, changed
/// by <see cref="Overrides"/> and posted by the attacker with the attacker's own antiforgery token.
/// </summary>
public sealed record Attack(string Name, string Attacker, string Page, string RenderAs)
{
    public Dictionary<string, string> Overrides { get; init; } = [];
    /// <summary>Where the attacker posts (default: the action of the rendered form).</summary>
    public string? PostUrl { get; init; }
    public Func<HtmlForm, bool>? Select { get; init; }
}
