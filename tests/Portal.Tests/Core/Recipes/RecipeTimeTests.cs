using Portal.Core.Recipes;

namespace Portal.Tests.Core.Recipes;

/// <summary>Recipe times: relative to the Tokyo day the site is set up on, or fixed.</summary>
public class RecipeTimeTests
{
    // 23:30 on 31 December in Tokyo is still 14:30 UTC on the 31st; 00:30 on 1 January in Tokyo is 15:30 UTC on 31 December.
    private static readonly DateTime LateOnNewYearsEve = new(2026, 12, 31, 14, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime JustAfterMidnight = new(2026, 12, 31, 15, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("+7d 14:00", "2027-01-08T05:00:00Z")]
    [InlineData("-45d 10:00", "2026-11-17T01:00:00Z")]
    [InlineData("+0d", "2026-12-31T15:00:00Z")]
    [InlineData("+1d 9:05", "2027-01-02T00:05:00Z")]
    [InlineData("2026-10-18T10:00:00+09:00", "2026-10-18T01:00:00Z")]
    [InlineData("2026-10-18T01:00:00Z", "2026-10-18T01:00:00Z")]
    public void Relative_times_count_from_the_Tokyo_setup_day(string value, string expectedUtc) =>
        Assert.Equal(DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), RecipeTime.Parse(value).ToUtc(JustAfterMidnight));

    [Fact]
    public void The_setup_day_is_the_Tokyo_day_not_the_UTC_one()
    {
        Assert.Equal(new DateOnly(2026, 12, 30), RecipeTime.Parse("-1d").ToTokyoDate(LateOnNewYearsEve));
        Assert.Equal(new DateOnly(2026, 12, 31), RecipeTime.Parse("-1d").ToTokyoDate(JustAfterMidnight));
        Assert.Equal(new DateOnly(2027, 3, 1), RecipeTime.Parse("+59d").ToTokyoDate(JustAfterMidnight)); // 2027 has no 29 February
        Assert.Equal(new DateOnly(2026, 11, 6), RecipeTime.Parse("2026-11-06").ToTokyoDate(JustAfterMidnight));
    }

    [Theory]
    [InlineData("7d")]                       // no sign
    [InlineData("+7 14:00")]                 // no unit
    [InlineData("+7d 25:00")]                // no such time
    [InlineData("+7d 14:00:00")]
    [InlineData("2026-10-18T10:00:00")]      // a moment without its offset is ambiguous
    [InlineData("2026-02-30")]
    [InlineData("next week")]
    [InlineData("")]
    public void Anything_else_is_refused_with_the_accepted_forms(string value)
    {
        var error = Assert.Throws<RecipeException>(() => RecipeTime.Parse(value));
        Assert.Contains(value.Contains("25:00") ? "HH:mm" : "+7d 14:00", error.Message);
    }

    [Fact]
    public void A_recipe_with_a_malformed_time_names_the_step()
    {
        var step = System.Text.Json.JsonDocument.Parse("""{"name":"x","start":"tomorrow"}""").RootElement;
        var context = new RecipeStepContext(step, null!, null!, JustAfterMidnight);
        var error = Assert.Throws<RecipeException>(() => context.Read<Holder>());
        Assert.Contains("'tomorrow' is not a recipe time", error.Message);
    }

    private sealed record Holder(RecipeTime Start);
}
