using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Modules.CommunityVoice.Recipes;
using Portal.Modules.CommunityVoice.Services;

namespace Portal.Modules.CommunityVoice;

public sealed class CommunityVoiceModule : PortalModule
{
    public override string Name => "CommunityVoice";

    public override string DisplayName => "地域の声";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<VoicePermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("地域の声", "/Voice/Index", Order: 20),
        new("地域の声の対応", "/Staff/Queue", VoicePermission.RaiseVoiceItems, Order: 110),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<VoiceQueries>();
        services.AddScoped<VoiceRouter>();
        services.AddScoped<VoiceEditor>();
        services.AddScoped<VoiceSettingsEditor>();
        services.AddScoped<IRecipeStepHandler, CommunityVoiceStep>();
        services.AddScoped<ISearchDocumentSource, VoiceSearchSource>();
    }
}
