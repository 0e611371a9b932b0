using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Modules;

/// <summary>
/// A recipe's feature step keeps every enabled module's dependencies enabled: enabling SupportOrganisations enables the
/// DistrictCouncils it needs, and disabling DistrictCouncils disables SupportOrganisations with it.
/// </summary>
public class ModuleDependencyTests
{
    [Fact]
    public async Task Enabling_a_module_enables_the_modules_it_depends_on()
    {
        await using var host = await StartWithoutFeaturesAsync();

        await RunFeatureStepAsync(host, "enable-support", """{ "name": "feature", "enable": ["SupportOrganisations"] }""");

        Assert.Equal(["DistrictCouncils", "SupportOrganisations"], await EnabledFeaturesAsync(host));
        Assert.True(host.Service<FeatureState>().IsEnabled("DistrictCouncils"));
        using var resident = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/support-organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/councils")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_module_disables_the_enabled_modules_that_depend_on_it()
    {
        await using var host = await StartWithoutFeaturesAsync();
        await RunFeatureStepAsync(host, "enable-all", """{ "name": "feature", "enable": ["SupportOrganisations", "Search"] }""");

        await RunFeatureStepAsync(host, "disable-councils", """{ "name": "feature", "disable": ["DistrictCouncils"] }""");

        Assert.Equal(["Search"], await EnabledFeaturesAsync(host));
        Assert.False(host.Service<FeatureState>().IsEnabled("SupportOrganisations"));
        using var resident = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/support-organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/councils")).StatusCode);
    }

    [Fact]
    public async Task A_step_that_would_enable_a_module_and_disable_what_it_needs_is_refused_and_changes_nothing()
    {
        await using var host = await StartWithoutFeaturesAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunFeatureStepAsync(host, "contradiction",
            """{ "name": "feature", "enable": ["SupportOrganisations"], "disable": ["DistrictCouncils"] }"""));

        Assert.Equal(
            "Features DistrictCouncils, SupportOrganisations would be both enabled and disabled: a module to enable needs one to disable.",
            error.Message);
        Assert.Empty(await EnabledFeaturesAsync(host));
    }

    private static Task<PortalTestHost> StartWithoutFeaturesAsync() => PortalTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Portal:RecipesPath"] = PortalData.TestRecipesPath,
        ["Portal:SetupRecipe"] = "no-councils",
    });

    private static async Task RunFeatureStepAsync(PortalTestHost host, string recipeName, string step)
    {
        await using var scope = host.CreateScope();
        var recipe = Recipe.Parse($$"""{ "name": "{{recipeName}}", "steps": [ {{step}} ] }""");
        await scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(recipe);
    }

    private static Task<List<string>> EnabledFeaturesAsync(PortalTestHost host) =>
        host.QueryAsync(db => db.EnabledFeatures.Select(f => f.Name).OrderBy(name => name).ToListAsync());
}
