using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Portal.Modules.Digests.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Digests;

[Collection(HangfireCollection.Name)]
public sealed class HangfireTests
{
    [Fact]
    public async Task Dashboard_is_for_administrators_only_and_the_recurring_job_runs_in_tokyo_time()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:Digests:Enabled"] = "true" });

        using var anonymous = host.CreateClient();
        var anonymousResponse = await anonymous.GetAsync("/admin/jobs");
        Assert.NotEqual(HttpStatusCode.OK, anonymousResponse.StatusCode);
        Assert.Contains("/account/login", anonymousResponse.Headers.Location?.ToString() ?? "");

        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWard);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/jobs")).StatusCode);

        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var dashboard = await admin.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("区政協働ポータル ジョブ", await dashboard.Content.ReadAsStringAsync());

        using var connection = host.Service<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DigestJob.RecurringJobId);
        Assert.Equal(("5 * * * *", "Asia/Tokyo"), (job.Cron, job.TimeZoneId));
    }

    /// <summary>
    /// The dashboard's pages and its stats poll answer the administrator. The stats URL is polled by the dashboard's
    /// script with a form POST (metrics[] and the token of its csrf meta tag); a bare GET of it, or a POST of another
    /// content type, used to throw inside Hangfire ("Incorrect Content-Type", a 500) and now answers an empty set.
    /// </summary>
    [Fact]
    public async Task Dashboard_pages_and_stats_answer_the_administrator_and_no_one_else()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Portal:Digests:Enabled"] = "true" });
        string[] pages = ["/admin/jobs", "/admin/jobs/jobs/enqueued", "/admin/jobs/jobs/succeeded", "/admin/jobs/recurring", "/admin/jobs/servers", "/admin/jobs/retries"];

        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        foreach (var url in pages)
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"GET {url} as administrator");

        var getStats = await admin.GetAsync("/admin/jobs/stats");
        Assert.Equal(HttpStatusCode.OK, getStats.StatusCode);
        Assert.Equal("{}", await getStats.Content.ReadAsStringAsync());
        var jsonStats = await admin.SendAsync(CsrfPost("/admin/jobs/stats", await DashboardCsrfTokenAsync(admin), new StringContent("{}", null, "application/json")));
        Assert.Equal(HttpStatusCode.OK, jsonStats.StatusCode);

        // What the dashboard's own poll sends: this node's server and the recurring digest job are counted.
        var poll = await admin.SendAsync(CsrfPost("/admin/jobs/stats", await DashboardCsrfTokenAsync(admin),
            new FormUrlEncodedContent([new("metrics[]", "servers:count"), new("metrics[]", "recurring:count")])));
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        using var metrics = JsonDocument.Parse(await poll.Content.ReadAsStringAsync());
        // Hangfire writes each metric's value as a string.
        Assert.Equal("1", metrics.RootElement.GetProperty("recurring:count").GetProperty("value").GetString());
        Assert.Equal("1", metrics.RootElement.GetProperty("servers:count").GetProperty("value").GetString());
        // The same poll without the token is refused by Hangfire's antiforgery check.
        var forged = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/stats")
            { Content = new FormUrlEncodedContent([new("metrics[]", "servers:count")]) });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        // A broken form (multipart without its boundary) is refused, not thrown.
        var broken = new ByteArrayContent("metrics[]=servers:count"u8.ToArray());
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.SendAsync(CsrfPost("/admin/jobs/stats", await DashboardCsrfTokenAsync(admin), broken))).StatusCode);
        // A batch command without its form (no job ids) is refused, not thrown.
        var batch = await admin.SendAsync(CsrfPost("/admin/jobs/jobs/enqueued/delete", await DashboardCsrfTokenAsync(admin), null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, batch.StatusCode);

        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWard);
        using var anonymous = host.CreateClient();
        foreach (var url in pages.Append("/admin/jobs/stats"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.ToString() ?? "");
        }
        var staffPoll = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/stats")
            { Content = new FormUrlEncodedContent([new("metrics[]", "servers:count")]) });
        Assert.Equal(HttpStatusCode.Forbidden, staffPoll.StatusCode);
    }

    private static async Task<string> DashboardCsrfTokenAsync(PortalClient client)
    {
        var match = Regex.Match(await client.GetStringAsync("/admin/jobs"), "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("The dashboard has no csrf-token meta tag.");
    }

    private static HttpRequestMessage CsrfPost(string url, string token, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return request;
    }
}
