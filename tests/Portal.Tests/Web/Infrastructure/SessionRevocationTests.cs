using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure;

namespace Portal.Tests.Web.Infrastructure;

/// <summary>
/// A sign-in cookie stops opening staff pages within a minute of a sign-out, a password change, a role change or the
/// account being disabled, also when someone kept a copy of it. The site's clock (cookie handler and security-stamp
/// validator alike) is the DI TimeProvider: a FakeTimeProvider pinned to a fixed date, advanced past the one-minute
/// validation interval instead of sleeping.
/// </summary>
public class SessionRevocationTests
{
    /// <summary>A fixed moment far from the date the tests run: a handler on the system clock would not see it.</summary>
    public static readonly DateTimeOffset Pinned = new(2031, 5, 12, 0, 30, 0, TimeSpan.Zero);

    /// <summary>Past the one-minute interval after which each node re-reads the user's stamp.</summary>
    public static readonly TimeSpan PastValidationInterval = TimeSpan.FromSeconds(61);

    public const string StaffPage = "/staff/councils";

    [Fact]
    public async Task Signing_out_ends_a_copy_of_the_cookie_taken_before()
    {
        var clock = new FakeTimeProvider(Pinned);
        await using var host = await StartAsync(clock);
        using var browser = host.CreateClient();
        await browser.LoginAsync(TestUsers.KitaCommunity);
        using var copy = host.CreateClient(CopyOf(browser.Cookies, host.BaseAddress));
        await AssertSignedInAsync(copy);

        var signOut = await browser.PostWithTokenFromAsync(StaffPage, "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        clock.Advance(PastValidationInterval);

        await AssertSentToLoginAsync(copy);
        // The user may sign in again at once.
        using var again = host.CreateClient();
        await again.LoginAsync(TestUsers.KitaCommunity);
        await AssertSignedInAsync(again);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("role")]
    [InlineData("disable")]
    public async Task A_change_to_the_account_ends_its_existing_sessions(string change)
    {
        var clock = new FakeTimeProvider(Pinned);
        await using var host = await StartAsync(clock);
        using var browser = host.CreateClient();
        await browser.LoginAsync(TestUsers.KitaCommunity);
        clock.Advance(PastValidationInterval);
        // Validated once against the unchanged account: the cookie is fine until the account changes.
        await AssertSignedInAsync(browser);

        await ChangeAccountAsync(host, TestUsers.KitaCommunity, change);
        clock.Advance(PastValidationInterval);

        await AssertSentToLoginAsync(browser);
    }

    /// <summary>
    /// Five wrong passwords lock the account against new sign-ins for 15 minutes, but whoever types them does not sign
    /// the account's owner out: only a disabled account ends open sessions.
    /// </summary>
    [Fact]
    public async Task Five_wrong_passwords_from_someone_else_do_not_end_the_owners_session()
    {
        var clock = new FakeTimeProvider(Pinned);
        await using var host = await StartAsync(clock);
        using var owner = host.CreateClient();
        await owner.LoginAsync(TestUsers.KitaCommunity);

        using var attacker = host.CreateClient();
        for (var i = 0; i < 5; i++)
            await attacker.SubmitFormAsync("/account/login", [new("Input.UserName", TestUsers.KitaCommunity), new("Input.Password", "wrong-password-" + i)]);
        await using (var scope = host.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync(TestUsers.KitaCommunity))!;
            Assert.True(await users.IsLockedOutAsync(user));
            // Identity stamps the lockout with the system clock; restate it on the site's clock, as one clock would.
            await users.SetLockoutEndDateAsync(user, clock.GetUtcNow() + TimeSpan.FromMinutes(15));
        }
        clock.Advance(PastValidationInterval);

        await AssertSignedInAsync(owner);
    }

    /// <summary>
    /// The cookie handler reads the DI clock too: eight idle hours of the fake clock (no real time passes) expire the
    /// cookie; a handler on the system clock would still accept it.
    /// </summary>
    [Fact]
    public async Task The_cookie_expires_after_eight_idle_hours_of_the_site_clock()
    {
        var clock = new FakeTimeProvider(Pinned);
        await using var host = await StartAsync(clock);
        using var browser = host.CreateClient();
        await browser.LoginAsync(TestUsers.KitaCommunity);

        clock.Advance(TimeSpan.FromHours(7));
        await AssertSignedInAsync(browser); // sliding expiration renews the cookie
        clock.Advance(TimeSpan.FromHours(7));
        await AssertSignedInAsync(browser);
        clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        await AssertSentToLoginAsync(browser);
    }

    internal static Task<PortalTestHost> StartAsync(FakeTimeProvider clock, IDictionary<string, string?>? settings = null, string? contentRoot = null) =>
        PortalTestHost.StartAsync(settings, contentRoot, services => services.AddSingleton<TimeProvider>(clock));

    /// <summary>Changes the account the way a back office would, through the host's UserManager.</summary>
    internal static async Task ChangeAccountAsync(PortalTestHost host, string userName, string change)
    {
        await using var scope = host.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        var result = change switch
        {
            "password" => await users.ChangePasswordAsync(user, TestUsers.Password, "A-new-password-2031"),
            "role" => await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)),
            "disable" => await AccountStatus.DisableAsync(users, user),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A second browser holding copies of the cookies the first had at this moment (a stolen or kept cookie).</summary>
    internal static CookieContainer CopyOf(CookieContainer cookies, Uri site)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(site))
            copy.Add(site, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        Assert.Contains(copy.GetCookies(site), c => c.Name == ".Portal.Auth");
        return copy;
    }

    internal static async Task AssertSignedInAsync(PortalClient client)
    {
        var response = await client.GetAsync(StaffPage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task AssertSentToLoginAsync(PortalClient client)
    {
        var response = await client.GetAsync(StaffPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString() ?? "");
    }
}
