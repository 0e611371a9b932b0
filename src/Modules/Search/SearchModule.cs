using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Modules.Search.Api;
using Portal.Modules.Search.Services;

namespace Portal.Modules.Search;

public sealed class SearchModule : PortalModule
{
    public override string Name => SearchIndexer.Feature;

    public override string DisplayName => "検索";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<SearchPermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("検索", "/Index", Order: 90),
        new("検索インデックス", "/Staff/Index", SearchPermission.ManageSearchIndex, Order: 190),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection("Portal:Search"));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SearchOptions>>().Value;
            var path = string.IsNullOrEmpty(options.IndexPath)
                ? Path.Combine(provider.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "App_Data", "search-index")
                : options.IndexPath;
            return SearchIndex.Open(path);
        });
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(provider => provider.GetRequiredService<SearchIndexer>());
        services.AddScoped<SearchService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => SearchApi.Map(endpoints);
}
