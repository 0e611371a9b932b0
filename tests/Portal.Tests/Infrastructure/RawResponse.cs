namespace Portal.Tests.Infrastructure;

/// <summary>One HTTP/1.1 response read off a raw socket: status, headers (names in lower case), body as UTF-8.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
