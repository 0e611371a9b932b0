using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.Digests.Models;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.TaskForces.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>
/// The SaveFormsOnce migration adds unique indexes where the race had left duplicates: on a database migrated back to
/// before it and given a second council and task force of one name and a second identical subscription, it must apply,
/// keep every council and task force (the later one renamed) and keep one of the subscriptions.
/// </summary>
public static class SaveOnceMigration
{
    public static async Task MigratesDuplicatesAsync(IDictionary<string, string?>? settings)
    {
        await using var host = await PortalTestHost.StartAsync(settings);
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var saveFormsOnce = migrations.FindIndex(m => m.EndsWith("_SaveFormsOnce", StringComparison.Ordinal));
        Assert.True(saveFormsOnce > 0, "no SaveFormsOnce migration");

        var user = await db.Users.OrderBy(u => u.UserName).FirstAsync();
        var ward = await db.Wards.OrderBy(w => w.Id).FirstAsync();
        db.Add(new DigestSubscription { UserId = user.Id, WardId = ward.Id, Frequency = DigestFrequency.Daily });
        await db.SaveChangesAsync();
        var councils = await db.Set<DistrictCouncil>().CountAsync();
        var taskForces = await db.Set<TaskForce>().CountAsync();
        var subscriptions = await db.Set<DigestSubscription>().CountAsync();
        var council = await db.Set<DistrictCouncil>().OrderBy(c => c.Id).FirstAsync();
        var taskForce = await db.Set<TaskForce>().OrderBy(t => t.Id).FirstAsync();

        await migrator.MigrateAsync(migrations[saveFormsOnce - 1]);
        foreach (var entity in new[] { typeof(DistrictCouncil), typeof(TaskForce), typeof(DigestSubscription) })
            await CopyFirstRowAsync(db, entity);
        await migrator.MigrateAsync(migrations[^1]);

        Assert.Equal(councils + 1, await db.Set<DistrictCouncil>().CountAsync());
        Assert.Equal(taskForces + 1, await db.Set<TaskForce>().CountAsync());
        var copy = await db.Set<DistrictCouncil>().AsNoTracking().OrderBy(c => c.Id).LastAsync();
        Assert.Equal($"{council.Name} ({copy.Id})", copy.Name);
        var taskForceCopy = await db.Set<TaskForce>().AsNoTracking().OrderBy(t => t.Id).LastAsync();
        Assert.Equal($"{taskForce.Name} ({taskForceCopy.Id})", taskForceCopy.Name);
        Assert.Equal(subscriptions, await db.Set<DigestSubscription>().CountAsync());
        Assert.Equal(0, await db.FormSubmissions.CountAsync());
    }

    /// <summary>Inserts a copy of the table's first row (every column but the generated id), as a race would have.</summary>
    private static async Task CopyFirstRowAsync(PortalDbContext db, Type clrType)
    {
        var entity = db.Model.FindEntityType(clrType)!;
        var table = entity.GetTableName()!;
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var columns = string.Join(", ", entity.GetProperties().Where(p => p.Name != "Id").Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        var id = sql.DelimitIdentifier("Id");
        var quoted = sql.DelimitIdentifier(table);
#pragma warning disable EF1002 // Names from the EF model, not input.
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {quoted} ({columns}) SELECT {columns} FROM {quoted} WHERE {id} = (SELECT MIN({id}) FROM {quoted})");
#pragma warning restore EF1002
    }
}
