namespace Portal.Tests.Hardening.BadInput;

public enum DateKind
{
    /// <summary>An &lt;input type="datetime-local"&gt; value, 2026-11-24T14:00.</summary>
    DateTime,
    /// <summary>An &lt;input type="date"&gt; value, 2026-11-24.</summary>
    Date,
}
