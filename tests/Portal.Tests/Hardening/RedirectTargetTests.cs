using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>
/// "Back to where you were" after signing in (ReturnUrl) and after choosing a language (/culture's returnUrl): a path on
/// this site, percent-encoded for the Location header, never another site, never a 500.
/// </summary>
public class RedirectTargetTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    /// <summary>The return address as the visitor's browser sent it (decoded) → the Location the site answers with.</summary>
    public static TheoryData<string, string> Targets() => new()
    {
        { "/search?q=防災", "/search?q=%E9%98%B2%E7%81%BD" },
        { "/search?q=" + Uri.EscapeDataString("防災"), "/search?q=%E9%98%B2%E7%81%BD" },
        { "/councils?ward=27127#map", "/councils?ward=27127#map" },
        { "/search?q=😀 a", "/search?q=%F0%9F%98%80%20a" },
        { "/\t/evil.example", "/" },
        { "/\0", "/" },
        { "/\r\nSet-Cookie: x=1", "/" },
        { "//evil.example", "/" },
        { "/\\evil.example", "/" },
        { "https://evil.example/", "/" },
        { "", "/" },
    };

    /// <summary>The same but NUL: ASP.NET Core refuses a form that holds one (see <see cref="A_NUL_in_the_return_address_is_refused"/>).</summary>
    public static TheoryData<string, string> LoginTargets()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Targets().Where(r => !((string)r[0]).Contains('\0')))
            data.Add((string)row[0], (string)row[1]);
        return data;
    }

    [Theory]
    [MemberData(nameof(LoginTargets))]
    public async Task Signing_in_lands_on_the_return_address_encoded_and_signed_in(string returnUrl, string location)
    {
        using var client = site.Host.CreateClient();
        var response = await client.SubmitFormAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            [new("Input.UserName", TestUsers.KitaWelfare), new("Input.Password", TestUsers.Password), new("ReturnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        // Signed in: a staff-only page answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/digests/subscriptions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task A_NUL_in_the_return_address_is_refused()
    {
        using var client = site.Host.CreateClient();
        var response = await client.SubmitFormAsync("/account/login?ReturnUrl=%2F%00",
            [new("Input.UserName", TestUsers.KitaWelfare), new("Input.Password", TestUsers.Password), new("ReturnUrl", "/\0")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/digests/subscriptions")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Choosing_a_language_goes_back_to_the_return_address_encoded(string returnUrl, string location)
    {
        using var client = site.Host.CreateClient();
        var response = await client.GetAsync("/culture?lang=en&returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", await client.GetStringAsync(location));
    }
}
