using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Core.Digests;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Modules.JointMeetings.Api;
using Portal.Modules.JointMeetings.Recipes;
using Portal.Modules.JointMeetings.Services;

namespace Portal.Modules.JointMeetings;

public sealed class JointMeetingsModule : PortalModule
{
    public override string Name => "JointMeetings";

    public override string DisplayName => "三者連絡会議";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<MeetingPermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("三者連絡会議", "/Meetings/Index", Order: 20),
        new("オープンデータ", "/OpenData/Index", Order: 95),
        new("会議の管理", "/Staff/Index", MeetingPermission.ManageMeetings, Order: 110),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MeetingQueries>();
        services.AddScoped<MeetingEditor>();
        services.AddScoped<IDigestSource, MeetingDigestSource>();
        services.AddScoped<ISearchDocumentSource, MeetingSearchSource>();
        services.AddScoped<IRecipeStepHandler, JointMeetingsStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        CalendarEndpoints.Map(endpoints);
        OpenDataEndpoints.Map(endpoints);
    }
}
