using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Tests.Web.Pages.Account;

namespace Portal.Tests.Hardening;

/// <summary>Per-IP limits on login and unsubscribe, and the per-account lockout behind them.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task The_login_post_after_the_limit_gets_429_with_the_error_page()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:RateLimits:Login:PermitLimit"] = "3" });
        using var client = host.CreateClient();

        // Different (unknown) user names: the limit is per client, not per account.
        for (var i = 0; i < 3; i++)
        {
            var response = await client.SubmitFormAsync("/account/login", [new("Input.UserName", $"nobody-{i}"), new("Input.Password", "wrong-password")]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var limited = await client.SubmitFormAsync("/account/login", [new("Input.UserName", TestUsers.KitaWard), new("Input.Password", TestUsers.Password)]);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("アクセスが集中しています", await limited.Content.ReadAsStringAsync());
        // Reading the login page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Unsubscribe_links_are_limited_get_with_the_page_and_post_with_problem_details()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:RateLimits:Unsubscribe:PermitLimit"] = "2" });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/digests/unsubscribe/guess-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/digests/unsubscribe/guess-2")).StatusCode);

        var get = await client.GetAsync("/digests/unsubscribe/guess-3");
        Assert.Equal(HttpStatusCode.TooManyRequests, get.StatusCode);
        Assert.Contains("アクセスが集中しています", await get.Content.ReadAsStringAsync());

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var post = await http.PostAsync("/digests/unsubscribe/guess-4", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_then_fails_with_the_same_message()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitFormAsync("/account/login", [new("Input.UserName", TestUsers.ChuoCommunity), new("Input.Password", "not-the-password")]);
            Assert.Contains(LoginEnumerationTests.FailureMessage, await wrong.Content.ReadAsStringAsync());
        }

        var right = await client.SubmitFormAsync("/account/login", [new("Input.UserName", TestUsers.ChuoCommunity), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(LoginEnumerationTests.FailureMessage, await right.Content.ReadAsStringAsync());
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == ".Portal.Auth");
    }
}
