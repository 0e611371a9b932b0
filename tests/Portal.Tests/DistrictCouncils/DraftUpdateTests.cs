using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

/// <summary>A draft written by staff: only its organisation (and the administrator) may read it before it is published.</summary>
public class DraftUpdateTests
{
    [Fact]
    public async Task Draft_saved_by_staff_is_visible_to_its_organisation_only_until_published()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        var title = "下書き: 年末夜警の打ち合わせ";

        using var author = host.CreateClient();
        await author.LoginAsync(TestUsers.KitaCommunity);
        var saved = await author.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}", PortalData.UpdateForm(title, "<p>検討中です。</p>", Guid.Empty, "draft"));
        Assert.Equal("/staff/councils", saved.RedirectPath());
        var draft = await host.QueryAsync(db => db.Set<CouncilUpdate>().SingleAsync(u => u.Title == title));
        Assert.Equal(UpdateStatus.Draft, draft.Status);
        Assert.Null(draft.PublishedUtc);
        var url = $"/councils/{council.Id}/updates/{draft.Id}";

        using var resident = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(title, await resident.GetStringAsync($"/councils/{council.Id}"));
        Assert.DoesNotContain(title, await resident.GetStringAsync($"/api/councils/{council.Id}"));

        var own = await author.GetStringAsync(url);
        Assert.Contains(title, own);
        Assert.Contains("badge-draft", own);
        Assert.Contains(title, await author.GetStringAsync("/staff/councils"));

        foreach (var user in new[] { TestUsers.KitaWelfare, TestUsers.ChuoCommunity })
        {
            using var other = host.CreateClient();
            await other.LoginAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            Assert.DoesNotContain(title, await other.GetStringAsync("/staff/councils"));
        }

        // Publishing makes it public.
        var form = await author.OpenFormAsync($"/staff/updates/edit/{draft.Id}");
        var published = await author.PostFormAsync(form, PortalData.UpdateForm(title, "<p>決まりました。</p>", Guid.Parse(form.Value("Input.Version")), "publish"));
        Assert.Equal("/staff/councils", published.RedirectPath());
        Assert.Contains("決まりました。", await resident.GetStringAsync(url));
        Assert.NotNull((await host.UpdateAsync(draft.Id)).PublishedUtc);
    }
}
