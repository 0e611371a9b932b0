using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.Web.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web.Pages.Account;

/// <summary>
/// The login form tells no one which user names exist: an unknown user, a wrong password, a locked-out account (even
/// with the right password) and a disabled one get the same message, and each costs one password-hash verification,
/// so they take about as long.
/// </summary>
public partial class LoginEnumerationTests(ITestOutputHelper output)
{
    public const string FailureMessage =
        "ログインできませんでした。ユーザー名とパスワードをご確認ください。5回続けて失敗すると、アカウントは15分間ロックされます。" +
        "その間は正しいパスワードでもログインできませんので、時間をおいてからお試しください。";

    private const string Unknown = "no-such-user";
    private const string WrongPassword = "not-the-password";

    [Fact]
    public async Task Every_failed_sign_in_gets_the_same_message_also_after_five_failures()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        var form = await client.OpenFormAsync("/account/login");

        var messages = new List<(string Case, string Message)>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            messages.Add(($"unknown #{attempt}", await FailureAsync(client, form, Unknown, WrongPassword)));
            messages.Add(($"real, wrong password #{attempt}", await FailureAsync(client, form, TestUsers.ChuoWard, WrongPassword)));
        }
        // After five failures the real account is locked: the right password fails, with the same words.
        messages.Add(("real, locked, right password", await FailureAsync(client, form, TestUsers.ChuoWard, TestUsers.Password)));
        messages.Add(("unknown, any password", await FailureAsync(client, form, Unknown, TestUsers.Password)));
        await SessionRevocationTests.ChangeAccountAsync(host, TestUsers.ChuoCommunity, "disable");
        messages.Add(("disabled, right password", await FailureAsync(client, form, TestUsers.ChuoCommunity, TestUsers.Password)));

        var distinct = messages.GroupBy(m => m.Message).ToList();
        Assert.True(distinct.Count == 1, string.Join("\n", distinct.Select(g => $"{g.Key} <- {string.Join(", ", g.Select(m => m.Case))}")));
        // The one message still tells an honest user what to do, lockout included.
        Assert.Equal(FailureMessage, distinct[0].Key);
        Assert.NotNull(await host.QueryAsync(db => db.Users.Where(u => u.UserName == TestUsers.ChuoWard).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Every_sign_in_verifies_exactly_one_password_hash()
    {
        var hasher = new CountingPasswordHasher();
        await using var host = await PortalTestHost.StartAsync(services: s => s.AddSingleton<IPasswordHasher<PortalUser>>(hasher));
        using var client = host.CreateClient();
        var form = await client.OpenFormAsync("/account/login");

        async Task AssertOneVerificationAsync(string name, string userName, string password, HttpStatusCode expected)
        {
            var before = hasher.Verifications;
            var response = await PostLoginAsync(client, form, userName, password);
            Assert.Equal(expected, response.StatusCode);
            Assert.True(hasher.Verifications - before == 1, $"{name}: {hasher.Verifications - before} verifications");
        }

        await AssertOneVerificationAsync("unknown user", Unknown, WrongPassword, HttpStatusCode.OK);
        for (var i = 1; i <= 5; i++)
            await AssertOneVerificationAsync($"wrong password #{i}", TestUsers.ChuoWard, WrongPassword, HttpStatusCode.OK);
        await AssertOneVerificationAsync("locked out, wrong password", TestUsers.ChuoWard, WrongPassword, HttpStatusCode.OK);
        await AssertOneVerificationAsync("locked out, right password", TestUsers.ChuoWard, TestUsers.Password, HttpStatusCode.OK);
        await SessionRevocationTests.ChangeAccountAsync(host, TestUsers.ChuoCommunity, "disable");
        await AssertOneVerificationAsync("disabled", TestUsers.ChuoCommunity, TestUsers.Password, HttpStatusCode.OK);
        await AssertOneVerificationAsync("success", TestUsers.KitaWard, TestUsers.Password, HttpStatusCode.Redirect);
    }

    /// <summary>
    /// Medians of interleaved attempts, so that load on the shared machine falls on every case alike; the cases must be
    /// within a factor of three of each other (before: a wrong password about 90 times an unknown user).
    /// </summary>
    [Fact]
    public async Task Unknown_users_wrong_passwords_and_locked_accounts_take_about_as_long()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        var form = await client.OpenFormAsync("/account/login");
        await FailureAsync(client, form, Unknown, WrongPassword); // warm-up: first request JIT, first hash
        for (var i = 0; i < 5; i++)
            await FailureAsync(client, form, TestUsers.ChuoCommunity, WrongPassword); // chuo-community is now locked

        var times = new Dictionary<string, List<double>> { ["unknown"] = [], ["wrong password"] = [], ["locked out"] = [] };
        for (var round = 0; round < 15; round++)
        {
            times["unknown"].Add(await TimeAsync(client, form, Unknown));
            times["wrong password"].Add(await TimeAsync(client, form, TestUsers.ChuoWard));
            times["locked out"].Add(await TimeAsync(client, form, TestUsers.ChuoCommunity));
            // Keep chuo-ward below the lockout, out of the timed request.
            await using var scope = host.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.ResetAccessFailedCountAsync((await users.FindByNameAsync(TestUsers.ChuoWard))!);
        }

        var medians = times.ToDictionary(t => t.Key, t => Median(t.Value));
        output.WriteLine(string.Join(", ", medians.Select(m => $"{m.Key}: median {m.Value:F1} ms")));
        var ratio = medians.Values.Max() / medians.Values.Min();
        Assert.True(ratio < 3, $"slowest/fastest median {ratio:F1}: " + string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:F1} ms")));
    }

    private static async Task<double> TimeAsync(PortalClient client, OpenForm form, string userName)
    {
        var clock = Stopwatch.StartNew();
        var response = await PostLoginAsync(client, form, userName, WrongPassword);
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(PortalClient client, OpenForm form, string userName, string password) =>
        client.PostFormAsync(form, [new("Input.UserName", userName), new("Input.Password", password)]);

    /// <summary>Posts a sign-in that must fail and returns the form's error message (the validation summary's text).</summary>
    private static async Task<string> FailureAsync(PortalClient client, OpenForm form, string userName, string password)
    {
        var response = await PostLoginAsync(client, form, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = ValidationSummary().Match(await response.BodyAsync());
        Assert.True(summary.Success, $"no error summary for {userName}");
        var items = SummaryItem().Matches(summary.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        return Assert.Single(items);
    }

    [GeneratedRegex("validation-summary-errors[^>]*>\\s*<ul>(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ValidationSummary();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex SummaryItem();

    /// <summary>The real hasher, counting verifications.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
