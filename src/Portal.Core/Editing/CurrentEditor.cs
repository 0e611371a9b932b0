using Microsoft.AspNetCore.Http;

namespace Portal.Core.Editing;

/// <summary>
/// Who is writing, for the audit stamps of every save: the signed-in user of the request, or the author a recipe step or
/// job acts as (<see cref="ActAs"/>). The write pipeline in <see cref="Data.PortalDbContext"/> is its only reader.
/// </summary>
public sealed class CurrentEditor(IHttpContextAccessor? http)
{
    /// <summary>The author of writes made outside a request and outside <see cref="ActAs"/>.</summary>
    public const string System = "system";

    private static readonly AsyncLocal<Acting?> Scope = new();

    public string Name => Scope.Value?.Name ?? http?.HttpContext?.User.Identity?.Name ?? System;

    /// <summary>The moment the writes are stamped with when the author writes for an earlier time (a recipe's history); else null: now.</summary>
    public DateTime? AtUtc => Scope.Value?.AtUtc;

    /// <summary>Writes until the returned scope is disposed are stamped with this author (and moment, when given).</summary>
    public static IDisposable ActAs(string name, DateTime? atUtc = null)
    {
        var outer = Scope.Value;
        Scope.Value = new Acting(name, atUtc);
        return new Restore(outer);
    }

    private sealed record Acting(string Name, DateTime? AtUtc);

    private sealed class Restore(Acting? outer) : IDisposable
    {
        public void Dispose() => Scope.Value = outer;
    }
}
