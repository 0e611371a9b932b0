using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Digests;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;
using Portal.Tests.Infrastructure;
using static Portal.Tests.TaskForces.TaskForceTestData;

namespace Portal.Tests.TaskForces;

public class TaskForceDigestSourceTests
{
    [Fact]
    public async Task Overdue_actions_are_collected_by_scope_before_the_end_of_the_period()
    {
        await using var host = await PortalTestHost.StartAsync();
        var kitaOffice = await OrganisationIdAsync(host, "kita-ward-office");
        var kitaWelfare = await OrganisationIdAsync(host, "kita-welfare");
        var chuoOffice = await OrganisationIdAsync(host, "chuo-ward-office");
        // Period ending 2026-11-24 00:00 JST: the sample items due 11-06, 11-13 and 11-20 are overdue, 2027-01-31 and the done one are not.
        var periodEnd = new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);
        var periodStart = periodEnd.AddDays(-7);

        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var secret = new TaskForce { Name = "非公開タスクフォース", WardId = (await db.Organisations.FindAsync(kitaOffice))!.WardId!.Value, OwnerOrganisationId = kitaOffice };
            secret.Members.Add(new TaskForceMember { OrganisationId = kitaOffice });
            var item = new ActionItem { Description = "非公開の期限切れアクション", OwnerOrganisationId = kitaOffice, DueDate = new DateOnly(2026, 11, 1) };
            secret.ActionItems.Add(item);
            db.Add(secret);
            await db.SaveChangesAsync();
        }

        async Task<List<string>> Collect(DigestScope digestScope)
        {
            await using var scope = host.CreateScope();
            var source = scope.ServiceProvider.GetServices<IDigestSource>().OfType<TaskForceDigestSource>().Single();
            var section = Assert.Single(await source.CollectAsync(digestScope, periodStart, periodEnd, CancellationToken.None));
            Assert.Equal("overdue-actions", section.Key);
            Assert.Equal("期限を過ぎたアクション", section.Heading);
            Assert.All(section.Items, i => Assert.StartsWith("/taskforces/", i.Path));
            return section.Items.Select(i => i.Title).ToList();
        }

        var kitaWard = (await FindAsync(host)).WardId;
        Assert.Equal(["担い手アンケートの実施と集計", "要支援者名簿の説明会資料の作成", "体験会の会場確保と広報計画の作成"],
            await Collect(new DigestScope(kitaWard, null, null)));
        Assert.Equal(["担い手アンケートの実施と集計", "要支援者名簿の説明会資料の作成", "体験会の会場確保と広報計画の作成"],
            await Collect(new DigestScope(null, kitaWelfare, kitaWelfare)));
        Assert.Equal(["非公開の期限切れアクション", "担い手アンケートの実施と集計", "要支援者名簿の説明会資料の作成", "体験会の会場確保と広報計画の作成"],
            await Collect(new DigestScope(kitaWard, null, kitaOffice)));
        Assert.Empty(await Collect(new DigestScope(null, chuoOffice, chuoOffice)));
    }
}
