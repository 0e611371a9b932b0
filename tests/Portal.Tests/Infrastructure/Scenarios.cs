using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Time;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Tests.Infrastructure;

/// <summary>Write paths run the same way on SQLite and on PostgreSQL.</summary>
public static class Scenarios
{
    /// <summary>kita-community publishes an update on a 北区 council; residents then see it on the council page, the update page and the API.</summary>
    public static async Task StaffPublishesUpdateAndResidentsSeeItAsync(PortalTestHost host)
    {
        var council = await host.KitaCouncilAsync();
        var organisation = await host.OrganisationAsync("kita-community");
        var before = await host.UpdateCountAsync();
        var title = "秋の防災訓練のご報告 " + Guid.NewGuid().ToString("N")[..8];

        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        var response = await staff.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}",
            PortalData.UpdateForm(title, "<p>約百名が参加しました。</p>", Guid.Empty, "publish"));

        Assert.Equal("/staff/councils", response.RedirectPath());
        Assert.Equal(before + 1, await host.UpdateCountAsync());
        var stored = await host.QueryAsync(db => db.Set<CouncilUpdate>().Include(u => u.Revisions).SingleAsync(u => u.Title == title));
        Assert.Equal(council.Id, stored.CouncilId);
        Assert.Equal(organisation.Id, stored.OrganisationId);
        Assert.Equal(UpdateStatus.Published, stored.Status);
        Assert.NotNull(stored.PublishedUtc);
        Assert.Equal(TestUsers.KitaCommunity, stored.CreatedBy);
        Assert.Equal([(1, UpdateStatus.Published)], stored.Revisions.Select(r => (r.Number, r.Status)));

        using var resident = host.CreateClient();
        Assert.Contains(title, await resident.GetStringAsync($"/councils/{council.Id}"));
        var page = await resident.GetStringAsync($"/councils/{council.Id}/updates/{stored.Id}");
        Assert.Contains(title, page);
        Assert.Contains("<p>約百名が参加しました。</p>", page);
        Assert.Contains(title, await resident.GetStringAsync($"/api/councils/{council.Id}"));
    }

    /// <summary>
    /// Two staff of one organisation open the same update's form; the first save wins, the second answers 409 with
    /// the conflict message and does not overwrite the first one's text.
    /// </summary>
    public static async Task SecondSaveOfTheSameVersionConflictsAsync(PortalTestHost host)
    {
        var council = await host.KitaCouncilAsync();
        var update = await host.PublishedUpdateAsync(council.Id, "kita-community");
        var revisionsBefore = await host.QueryAsync(db => db.Set<CouncilUpdateRevision>().CountAsync(r => r.UpdateId == update.Id));
        var url = $"/staff/updates/edit/{update.Id}";

        using var first = host.CreateClient();
        using var second = host.CreateClient();
        await first.LoginAsync(TestUsers.KitaCommunity);
        await second.LoginAsync(TestUsers.KitaCommunity);
        var firstForm = await first.OpenFormAsync(url);
        var secondForm = await second.OpenFormAsync(url);
        Assert.Equal(update.Version.ToString(), firstForm.Value("Input.Version"));
        Assert.Equal(update.Version.ToString(), secondForm.Value("Input.Version"));

        var saved = await first.PostFormAsync(firstForm,
            PortalData.UpdateForm("最初の担当者の修正", "<p>最初の担当者が書きました。</p>", Guid.Parse(firstForm.Value("Input.Version")), "publish"));
        Assert.Equal("/staff/councils", saved.RedirectPath());

        var conflict = await second.PostFormAsync(secondForm,
            PortalData.UpdateForm("二人目の担当者の修正", "<p>二人目の担当者が書きました。</p>", Guid.Parse(secondForm.Value("Input.Version")), "publish"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.BodyAsync();
        Assert.Contains("この活動報告は他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。", html);

        var stored = await host.UpdateAsync(update.Id);
        Assert.Equal("最初の担当者の修正", stored.Title);
        Assert.Equal("<p>最初の担当者が書きました。</p>", stored.Body);
        Assert.NotEqual(update.Version, stored.Version);
        // The re-rendered form carries the current version, so the second person can save after reviewing.
        Assert.Equal(stored.Version.ToString(), PortalClient.InputValue(html, "Input.Version"));
        // The write pipeline stamped the first save; the notice says who made it and when (Tokyo time).
        Assert.Equal(TestUsers.KitaCommunity, stored.ModifiedBy);
        Assert.Contains($"最終更新: {TestUsers.KitaCommunity}（{TokyoTime.Format(stored.ModifiedUtc, CultureInfo.GetCultureInfo("ja-JP"))}）", WebUtility.HtmlDecode(html));
        Assert.Equal(revisionsBefore + 1, await host.QueryAsync(db => db.Set<CouncilUpdateRevision>().CountAsync(r => r.UpdateId == update.Id)));
    }
}
