using Microsoft.EntityFrameworkCore;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

public class SanitisingTests
{
    [Fact]
    public async Task Scripts_and_event_handlers_are_removed_from_update_bodies_before_storage_and_allowed_markup_is_kept()
    {
        await using var host = await PortalTestHost.StartAsync();
        var council = await host.KitaCouncilAsync();
        const string body =
            "<p>集合場所のご案内</p>" +
            "<script>alert('xss')</script>" +
            "<img src=\"x\" onerror=\"alert('img')\">" +
            "<p onclick=\"steal()\">駐輪場をご利用ください</p>" +
            "<ul><li>軍手</li><li>飲み物</li></ul>" +
            "<a href=\"https://www.city.osaka.lg.jp/kita/\">北区役所</a>" +
            "<a href=\"javascript:alert(1)\">危険なリンク</a>";

        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaCommunity);
        var response = await staff.SubmitFormAsync($"/staff/updates/edit?councilId={council.Id}",
            PortalData.UpdateForm("清掃活動のお知らせ", body, Guid.Empty, "publish"));
        Assert.Equal("/staff/councils", response.RedirectPath());

        var stored = await host.QueryAsync(db => db.Set<CouncilUpdate>().SingleAsync(u => u.Title == "清掃活動のお知らせ"));
        Assert.DoesNotContain("<script", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", stored.Body);
        Assert.DoesNotContain("onerror", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>集合場所のご案内</p>", stored.Body);
        Assert.Contains("<p>駐輪場をご利用ください</p>", stored.Body);
        Assert.Contains("<ul><li>軍手</li><li>飲み物</li></ul>", stored.Body);
        Assert.Contains("<a href=\"https://www.city.osaka.lg.jp/kita/\" rel=\"noopener noreferrer\">北区役所</a>", stored.Body);

        // The revision keeps the same sanitised text, and the public page serves it as stored.
        var revision = await host.QueryAsync(db => db.Set<CouncilUpdateRevision>().SingleAsync(r => r.UpdateId == stored.Id));
        Assert.Equal(stored.Body, revision.Body);
        using var resident = host.CreateClient();
        var page = await resident.GetStringAsync($"/councils/{council.Id}/updates/{stored.Id}");
        Assert.Contains(stored.Body, page);
        Assert.DoesNotContain("alert(", page);
    }
}
