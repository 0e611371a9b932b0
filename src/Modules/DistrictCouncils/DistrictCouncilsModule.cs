using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Api;
using Portal.Modules.DistrictCouncils.Recipes;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils;

public sealed class DistrictCouncilsModule : PortalModule
{
    public override string Name => "DistrictCouncils";

    public override string DisplayName => "地域活動協議会";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<CouncilPermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("地域活動協議会", "/Councils/Index", Order: 10),
        new("地図", "/Councils/Map", Order: 11),
        new("協議会の管理", "/Staff/Index", CouncilPermission.PostCouncilUpdates, Order: 100),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CouncilQueries>();
        services.AddSingleton<CouncilQueries.Compiled>();
        services.AddScoped<CouncilEditor>();
        services.AddScoped<IRecipeStepHandler, DistrictCouncilsStep>();
        services.AddScoped<ISearchDocumentSource, CouncilSearchSource>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        CouncilsApi.Map(endpoints);
        CouncilFeeds.Map(endpoints);
    }
}
