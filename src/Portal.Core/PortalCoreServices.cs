using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Caching;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Editing;
using Portal.Core.Forms;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;

namespace Portal.Core;

public static class PortalCoreServices
{
    /// <summary>Services of the core itself: feature state, recipes and their core steps, permissions, rich text.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, ModuleCatalog catalog)
    {
        services.AddSingleton(catalog);
        services.AddSingleton<FeatureState>();
        services.AddSingleton<NavigationMenu>();
        // TryAdd: a test host may register a FakeTimeProvider first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RichText>();
        services.AddHttpContextAccessor();
        services.AddSingleton<CurrentEditor>();
        services.AddSingleton<StoredRichText>();
        // TryAdd: the web host registers the output-cache evictor first.
        services.TryAddSingleton<IPublicPageCache, NoPublicPageCache>();
        services.AddSingleton<ContentCommitInterceptor>();
        services.AddScoped<RecipeRunner>();
        services.AddScoped<OrganisationLookup>();
        services.AddScoped<FormSubmissions>();
        services.AddScoped<IRecipeStepHandler, FeatureStep>();
        services.AddScoped<IRecipeStepHandler, WardsStep>();
        services.AddScoped<IRecipeStepHandler, OrganisationsStep>();
        services.AddScoped<IRecipeStepHandler, RolesStep>();
        services.AddScoped<IRecipeStepHandler, UsersStep>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        return services;
    }
}
