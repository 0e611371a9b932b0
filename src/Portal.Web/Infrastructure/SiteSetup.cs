using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;

namespace Portal.Web.Infrastructure;

/// <summary>On start: migrate the database; on a site that has never been set up, run the configured recipe.</summary>
public static class SiteSetup
{
    public static async Task InitialiseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiteSetup));

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        // Nodes starting together on a new PostgreSQL database take turns: EF's own migration lock still lets a second
        // node run the first migration's CREATE TABLEs ("relation already exists"). The next node finds all done.
        await using var turn = await SetupLock.AcquireAsync(db, ct);
        await db.Database.MigrateAsync(ct);

        var runner = scope.ServiceProvider.GetRequiredService<RecipeRunner>();
        if (!await runner.HasRunAnyAsync(ct))
        {
            var name = configuration["Portal:SetupRecipe"] ?? "default";
            var recipe = RecipeFiles.Load(configuration, name);
            logger.LogInformation("New site: running setup recipe {Recipe}", recipe.Name);
            try
            {
                await runner.RunAsync(recipe, ct);
            }
            catch (DbUpdateException e)
            {
                // Another node may have set the site up at the same moment (the recipe row is unique); then its setup stands.
                db.ChangeTracker.Clear();
                if (!await runner.HasRunAnyAsync(ct))
                    throw;
                logger.LogInformation(e, "Setup recipe already run by another node");
            }
        }

        // Still in this node's turn: load the data-protection key ring, creating the first key on a new key store.
        // Nodes starting together on an empty shared store (Redis) would otherwise each create a first key and use their
        // own, and a cookie of one would be unreadable on the other once the key ring's 2-minute refresh-on-miss is over.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.SiteSetup").Protect([1]);

        await scope.ServiceProvider.GetRequiredService<FeatureState>().LoadAsync(db, ct);
    }
}

/// <summary>A PostgreSQL session advisory lock held on a connection of its own for the duration of the site setup.</summary>
internal sealed class SetupLock : IAsyncDisposable
{
    /// <summary>An arbitrary constant naming this lock among the database's advisory locks ("portalsu" in ASCII).</summary>
    private const long Key = 0x706F_7274_616C_7375;

    private readonly Npgsql.NpgsqlConnection? _connection;

    private SetupLock(Npgsql.NpgsqlConnection? connection) => _connection = connection;

    /// <summary>Waits for the lock on PostgreSQL; on SQLite (one node by definition) there is nothing to wait for.</summary>
    public static async Task<SetupLock> AcquireAsync(PortalDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
            return new SetupLock(null);
        // Not pooled: closing the connection ends the session, and with it the lock, whatever happens to this node.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(ct);
            return new SetupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}

public static class RecipeFiles
{
    /// <summary>Recipes are copied next to the host as recipes/NAME.recipe.json; Portal:RecipesPath overrides the folder.</summary>
    public static Recipe Load(IConfiguration configuration, string name)
    {
        var folder = configuration["Portal:RecipesPath"] ?? Path.Combine(AppContext.BaseDirectory, "recipes");
        var path = Path.Combine(folder, name + ".recipe.json");
        if (!File.Exists(path))
            throw new RecipeException($"Recipe '{name}' not found at {path}.");
        return Recipe.Parse(File.ReadAllText(path));
    }
}
