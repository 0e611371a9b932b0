using System.Text.Json.Serialization;
using System.Text.Json;
using Portal.Core.Data;
using Portal.Core.Editing;

namespace Portal.Core.Recipes;

/// <summary>A JSON setup recipe: ordered steps, each handled by the module that owns the step name.</summary>
public sealed class Recipe
{
    public required string Name { get; init; }
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";
    public List<JsonElement> Steps { get; init; } = [];

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Recipe Parse(string json) =>
        JsonSerializer.Deserialize<Recipe>(json, JsonOptions) ?? throw new RecipeException("The recipe is empty.");
}

public sealed class RecipeStepContext(JsonElement step, PortalDbContext db, IServiceProvider services, DateTime nowUtc)
{
    public JsonElement Step { get; } = step;
    public PortalDbContext Db { get; } = db;
    public IServiceProvider Services { get; } = services;
    /// <summary>When the recipe runs: what relative recipe times ("+7d 14:00") count from.</summary>
    public DateTime NowUtc { get; } = nowUtc;

    /// <summary>Who the audit stamps of a recipe's writes name.</summary>
    public const string Author = "recipe";

    /// <summary>Writes until the scope is disposed are stamped as made at <paramref name="atUtc"/> (the demo's history), by the recipe.</summary>
    public IDisposable WritingAt(DateTime atUtc) => CurrentEditor.ActAs(Author, atUtc);

    /// <summary>A recipe time as UTC, relative values counted from the setup day.</summary>
    public DateTime Utc(RecipeTime time) => time.ToUtc(NowUtc);

    /// <summary>An optional recipe time (e.g. a "published" left out for a draft) as UTC, or null.</summary>
    public DateTime? Utc(RecipeTime? time) => time?.ToUtc(NowUtc);

    /// <summary>A recipe time as a Tokyo calendar day, relative values counted from the setup day.</summary>
    public DateOnly TokyoDate(RecipeTime time) => time.ToTokyoDate(NowUtc);

    /// <summary>Reads the step's JSON as <typeparamref name="T"/>; a malformed step names itself in the error.</summary>
    public T Read<T>()
    {
        try
        {
            return Step.Deserialize<T>(Recipe.JsonOptions) ?? throw new RecipeException("The step is empty.");
        }
        catch (JsonException e)
        {
            throw new RecipeException($"Step is malformed: {e.Message}", e);
        }
    }
}

public interface IRecipeStepHandler
{
    /// <summary>The "name" of the steps this handler runs, e.g. "feature".</summary>
    string StepName { get; }

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);
