using System.Net.Sockets;
using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Requests written byte for byte on a socket, for what HttpClient refuses to send: any Host header (IDN, out-of-range
/// port, 300 characters).
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> GetAsync(Uri server, string target, string host, params string[] extraHeaders)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new StringBuilder()
            // The target as a browser sends it (non-ASCII percent-encoded); only the Host header is raw.
            .Append("GET ").Append(new Uri(server, target).PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n");
        foreach (var header in extraHeaders)
            request.Append(header).Append("\r\n");
        request.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return Parse(buffer.ToArray());
    }

    private static RawResponse Parse(byte[] bytes)
    {
        var end = IndexOf(bytes, "\r\n\r\n"u8);
        if (end < 0) throw new InvalidOperationException("The server closed the connection without a complete response.");
        var head = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1]);
        var headers = new Dictionary<string, string>();
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }
        var body = bytes.AsSpan(end + 4).ToArray();
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body);
        return new RawResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = IndexOf(body.AsSpan(at), "\r\n"u8) + at;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, lineEnd - at).Split(';')[0].Trim(), 16);
            if (size == 0) return output.ToArray();
            output.Write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int IndexOf(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> value) => bytes.IndexOf(value);
}
