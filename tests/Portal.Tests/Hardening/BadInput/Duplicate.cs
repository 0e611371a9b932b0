namespace Portal.Tests.Hardening.BadInput;

/// <summary>A form sent twice: the table its rows live in, how many rows both sends add, and what the second answers.</summary>
public sealed record Duplicate(string Form, string Table, int Added, Second Second)
{
    /// <summary>Values that make the first send a change (edit forms) or unique (create forms).</summary>
    public Dictionary<string, string> Values { get; init; } = [];

    public override string ToString() => Form;
}
