using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.Search.Services;

namespace Portal.Load;

/// <summary>Fills a site set up by the default recipe to 10,000 councils and 100,000 published updates.</summary>
public static class LoadData
{
    public const int Councils = 10_000;
    public const int Updates = 100_000;

    private static readonly string[] Areas = ["第一小学校区", "東小学校区", "南小学校区", "中央小学校区", "北小学校区"];
    private static readonly string[] Topics = ["防災訓練", "子ども食堂", "ふれあい喫茶", "健康体操", "清掃活動", "盆踊り大会", "見守り活動", "餅つき大会"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var existing = await db.Set<DistrictCouncil>().CountAsync();
        if (existing >= Councils)
            return;

        var wards = await db.Wards.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync();
        var communityOrganisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Key.EndsWith("-community")).ToDictionaryAsync(o => o.WardId!.Value, o => o.Id);
        var random = new Random(20261124);
        var now = DateTime.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var councils = new List<DistrictCouncil>();
        for (var i = existing; i < Councils; i++)
        {
            var ward = wards[i % wards.Count];
            var council = new DistrictCouncil
            {
                Name = $"{ward.Name}第{i + 1}地域活動協議会",
                WardId = ward.Id,
                ManagingOrganisationId = communityOrganisations[ward.Id],
                Area = Areas[i % Areas.Length],
                Fields = (ActivityFields)(1 + random.Next(63)),
                Description = $"{ward.Name}の{Areas[i % Areas.Length]}で、防犯・防災、子ども・青少年、福祉、健康、環境、文化・スポーツの活動に取り組んでいます。",
                ContactName = "事務局",
                ContactPhone = "06-6000-" + (i % 10_000).ToString("D4"),
                ContactEmail = $"council{i}@example.jp",
                Latitude = 34.6 + random.NextDouble() * 0.2,
                Longitude = 135.4 + random.NextDouble() * 0.2,
                IsPublished = true,
                CreatedUtc = now, ModifiedUtc = now, CreatedBy = "load", ModifiedBy = "load",
            };
            councils.Add(council);
            db.Add(council);
            if (councils.Count % 2_000 == 0)
                await SaveAsync(db);
        }
        await SaveAsync(db);

        var councilIds = await db.Set<DistrictCouncil>().AsNoTracking()
            .Select(c => new { c.Id, c.ManagingOrganisationId }).ToListAsync();
        for (var i = 0; i < Updates; i++)
        {
            var council = councilIds[i % councilIds.Count];
            var topic = Topics[random.Next(Topics.Length)];
            var published = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
            db.Add(new CouncilUpdate
            {
                CouncilId = council.Id,
                OrganisationId = council.ManagingOrganisationId,
                Title = $"{topic}のご報告（第{i + 1}号）",
                Body = $"<p>{topic}を行い、地域の皆さま約{random.Next(10, 200)}名にご参加いただきました。</p><p>次回もぜひご参加ください。</p>",
                Status = UpdateStatus.Published,
                PublishedUtc = published,
                CreatedUtc = published, ModifiedUtc = published, CreatedBy = "load", ModifiedBy = "load",
            });
            if ((i + 1) % 5_000 == 0)
                await SaveAsync(db);
        }
        await SaveAsync(db);

        // Build this node's search index now, so that the measured servers start with an index that is up to date.
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(default);
    }

    private static async Task SaveAsync(PortalDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
