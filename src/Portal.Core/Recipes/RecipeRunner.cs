using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Editing;

namespace Portal.Core.Recipes;

/// <summary>Runs a recipe's steps in order inside one transaction, so a failed setup leaves nothing half-built.</summary>
public sealed class RecipeRunner(
    PortalDbContext db,
    IEnumerable<IRecipeStepHandler> handlers,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<RecipeRunner> logger)
{
    public async Task RunAsync(Recipe recipe, CancellationToken cancellationToken = default)
    {
        var byName = handlers.ToDictionary(h => h.StepName, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        // Everything a recipe writes is stamped as its author, at the moment it started (unless a step writes history).
        using var author = CurrentEditor.ActAs(RecipeStepContext.Author, now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claimed first: a second node setting up at the same moment fails here, before doing any work.
        db.RecipeExecutions.Add(new RecipeExecution { RecipeName = recipe.Name, ExecutedUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var name = step.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (string.IsNullOrEmpty(name) || !byName.TryGetValue(name, out var handler))
                throw new RecipeException($"Recipe '{recipe.Name}' step {i + 1}: no handler for step '{name}'. Known: {string.Join(", ", byName.Keys.Order())}.");

            logger.LogInformation("Recipe {Recipe}: step {Index} '{Step}'", recipe.Name, i + 1, name);
            try
            {
                await handler.ExecuteAsync(new RecipeStepContext(step, db, services, now), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (RecipeException e)
            {
                throw new RecipeException($"Recipe '{recipe.Name}' step {i + 1} '{name}': {e.Message}", e);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task<bool> HasRunAnyAsync(CancellationToken cancellationToken = default) =>
        db.RecipeExecutions.AnyAsync(cancellationToken);
}
