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

        await scope.ServiceProvider.GetRequiredService<FeatureState>().LoadAsync(db, ct);
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
