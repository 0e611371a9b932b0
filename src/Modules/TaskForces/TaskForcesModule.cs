using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Core.Digests;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Modules.TaskForces.Recipes;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces;

public sealed class TaskForcesModule : PortalModule
{
    public override string Name => "TaskForces";

    public override string DisplayName => "タスクフォース";

    public override IReadOnlyList<Permission> Permissions { get; } = Permission.AllOf<TaskForcePermission>();

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("タスクフォース", "/TaskForces/Index", Order: 30),
        new("期限切れアクション", "/TaskForces/Overdue", TaskForcePermission.UpdateActionItems, Order: 120),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TaskForceQueries>();
        services.AddScoped<TaskForceEditor>();
        services.AddScoped<IDigestSource, TaskForceDigestSource>();
        services.AddScoped<ISearchDocumentSource, TaskForceSearchSource>();
        services.AddScoped<IRecipeStepHandler, TaskForcesStep>();
    }
}
