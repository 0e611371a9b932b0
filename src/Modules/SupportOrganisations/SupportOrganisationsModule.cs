using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Modules.SupportOrganisations.Recipes;
using Portal.Modules.SupportOrganisations.Services;

namespace Portal.Modules.SupportOrganisations;

public sealed class SupportOrganisationsModule : PortalModule
{
    public override string Name => "SupportOrganisations";

    public override string DisplayName => "中間支援組織";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<SupportPermission>();

    public override IReadOnlyList<Type> Dependencies { get; } = [typeof(Portal.Modules.DistrictCouncils.DistrictCouncilsModule)];

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("中間支援組織", "/Directory/Index", Order: 20),
        new("自組織のプロフィール", "/Staff/EditProfile", SupportPermission.ManageSupportProfile, Order: 110),
        new("中間支援組織の選択", "/Staff/Councils", Portal.Modules.DistrictCouncils.CouncilPermission.ManageCouncilProfiles, Order: 120),
        new("区の選択状況", "/Staff/Ward", SupportPermission.ViewSupportChoices, Order: 130),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SupportQueries>();
        services.AddScoped<SupportEditor>();
        services.AddScoped<IRecipeStepHandler, SupportOrganisationsStep>();
        services.AddScoped<ISearchDocumentSource, SupportSearchSource>();
    }
}
