using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.CommunityVoice.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// The bad-input corpus against every form of the portal (see <see cref="FormCorpus"/>): over-long fields, huge and
/// malformed bodies, invalid dates, ends before starts, unknown ids, wrong content types, missing tokens, and other
/// organisations' users posting to rows they do not own. Each request must be refused with a clear answer (the form
/// again with a validation message, or a 4xx with a page or problem body), never a 5xx, and the whole database must be
/// exactly as it was before.
/// </summary>
public class BadInputFormTests(CorpusSite site) : IClassFixture<CorpusSite>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (form, kind, variant) in BadInputCases.All())
            data.Add(form, kind, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_clearly_and_changes_nothing(string form, string kind, string variant)
    {
        var request = await BadInputCases.BuildAsync(site, form, kind, variant);
        await site.SnapshotAsync();

        using var response = await request.Client.SendAsync(request.Message);
        var body = await response.Content.ReadAsStringAsync();
        if (request.DisposeClient) request.Client.Dispose();

        var changes = await site.ChangesSinceLastCheckAsync();
        AssertRefused(response, body, request.Description);
        Assert.True(changes.Length == 0, $"{request.Description} changed the database:\n{changes}");
    }

    /// <summary>The corpus's "nothing changed" check does see a write, and the undoing of it.</summary>
    [Fact]
    public async Task The_change_check_sees_a_write_and_its_undoing()
    {
        await site.ChangesSinceLastCheckAsync();
        await using (var scope = site.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Add(new VoiceCategory { Name = "変更検出テスト", SortOrder = 999 });
            await db.SaveChangesAsync();
        }
        Assert.Contains("変更検出テスト", await site.ChangesSinceLastCheckAsync());

        await using (var scope = site.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Set<VoiceCategory>().Where(c => c.Name == "変更検出テスト").ExecuteDeleteAsync();
        }
        Assert.Contains("変更検出テスト", await site.ChangesSinceLastCheckAsync());
        Assert.Equal("", await site.ChangesSinceLastCheckAsync());
    }

    /// <summary>A body over Kestrel's request size limit (30 MB) is refused with a 4xx, on any form.</summary>
    [Theory]
    [InlineData("/account/login", null)]
    [InlineData("/staff/voice/settings?handler=Category", TestUsers.Admin)]
    public async Task A_body_over_the_request_size_limit_is_refused(string url, string? user)
    {
        var client = await site.ClientAsync(user);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new RepeatedContent(31 * 1024 * 1024) };
        request.Headers.ExpectContinue = true;
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var response = await client.SendAsync(request);

        // 413 from Kestrel, or 400 when the antiforgery check is the first to read (and refuse) the body.
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
        Assert.Equal("", await site.ChangesSinceLastCheckAsync());
        if (user is null) client.Dispose();
    }

    /// <summary>"x=aaaa…" of the given length, written without holding it in memory.</summary>
    private sealed class RepeatedContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            chunk[0] = (byte)'x';
            chunk[1] = (byte)'=';
            for (long written = 0; written < length; written += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - written)));
                chunk[0] = chunk[1] = (byte)'a';
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }

    /// <summary>
    /// Not a 5xx, not a redirect (the site redirects after a successful save), and a clear answer: a re-rendered form
    /// carries a validation message, any other status a page or a problem body.
    /// </summary>
    private static void AssertRefused(HttpResponseMessage response, string body, string description)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{description} answered {status}: {Excerpt(body)}");
        Assert.False(status is >= 300 and < 400, $"{description} was accepted: {status} to {response.Headers.Location}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.True(body.Contains("validation-summary-errors") || body.Contains("field-validation-error"),
                $"{description} answered 200 without a validation message: {Excerpt(body)}");
        }
        else
        {
            Assert.True(status is >= 400 and < 500, $"{description} answered {status}");
            // Kestrel itself refuses some requests (a NUL in the path) before the site sees them: those have no body
            // and none of the site's headers. Everything the site answers has a page or a problem body.
            if (response.Headers.Contains("Content-Security-Policy"))
                Assert.False(string.IsNullOrWhiteSpace(body), $"{description} answered {status} with an empty body");
        }
    }

    private static string Excerpt(string body)
    {
        var main = body.IndexOf("<main", StringComparison.Ordinal);
        var text = main >= 0 ? body[main..] : body;
        return text.Length > 1500 ? text[..1500] : text;
    }
}
