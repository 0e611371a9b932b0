using Microsoft.Data.Sqlite;
using Portal.Core.Recipes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Recipes;

/// <summary>Setting up a new site from a recipe on an empty SQLite database.</summary>
public class RecipeSetupTests
{
    [Fact]
    public async Task Default_recipe_sets_up_an_empty_database_and_a_restart_does_not_run_it_again()
    {
        var contentRoot = Directory.CreateTempSubdirectory("portal-test-").FullName;
        try
        {
            Assert.False(File.Exists(Path.Combine(contentRoot, "App_Data", "portal.db")));
            Dictionary<string, int> firstCounts;
            await using (var host = await PortalTestHost.StartAsync(contentRoot: contentRoot))
            {
                await SiteExpectations.AssertDefaultRecipeSetUpAsync(host);
                firstCounts = await SiteExpectations.CountRowsAsync(host);

                // The seeded password works.
                using var client = host.CreateClient();
                await client.LoginAsync(TestUsers.KitaCommunity);
            }

            await using (var restarted = await PortalTestHost.StartAsync(contentRoot: contentRoot))
            {
                Assert.Equal(firstCounts, await SiteExpectations.CountRowsAsync(restarted));
                await SiteExpectations.AssertDefaultRecipeSetUpAsync(restarted);
            }
        }
        finally
        {
            PortalTestHost.DeleteDirectory(contentRoot);
        }
    }

    [Theory]
    [InlineData("broken-step", "Recipe 'broken-step' step 3: no handler for step 'noSuchStep'.")]
    [InlineData("broken-ward", "Recipe 'broken-ward' step 3 'organisations': Organisation 'nowhere-community': unknown ward '99999'.")]
    public async Task Broken_recipe_fails_with_a_clear_message_and_leaves_no_partial_data(string recipe, string message)
    {
        var contentRoot = Directory.CreateTempSubdirectory("portal-test-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Portal:RecipesPath"] = PortalData.TestRecipesPath,
                ["Portal:SetupRecipe"] = recipe,
            };
            var error = await Assert.ThrowsAsync<RecipeException>(() => PortalTestHost.StartAsync(settings, contentRoot));
            Assert.StartsWith(message, error.Message);

            // The steps before the broken one wrote wards and features; the transaction took them back.
            SqliteConnection.ClearAllPools();
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(contentRoot, "App_Data", "portal.db")};Mode=ReadOnly"))
            {
                await connection.OpenAsync();
                foreach (var table in new[] { "Wards", "Organisations", "EnabledFeatures", "RecipeExecutions", "AspNetRoles", "AspNetUsers" })
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                    Assert.True(0L == (long)(await command.ExecuteScalarAsync())!, $"{table} kept rows of the failed recipe.");
                }
            }
            SqliteConnection.ClearAllPools();

            // Nothing records the failed setup as done: the next start sets the site up with a working recipe.
            await using var host = await PortalTestHost.StartAsync(contentRoot: contentRoot);
            await SiteExpectations.AssertDefaultRecipeSetUpAsync(host);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            PortalTestHost.DeleteDirectory(contentRoot);
        }
    }
}
