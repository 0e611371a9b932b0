using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;

namespace Portal.Core.Modules;

/// <summary>
/// The one entry point of a module (a feature, in Orchard Core's words). The host discovers every
/// implementation in the Portal.Modules.* assemblies and lets it register what it owns.
/// </summary>
public interface IPortalModule
{
    /// <summary>Feature id, also the Razor area of the module's pages.</summary>
    string Name { get; }

    string DisplayName { get; }

    IReadOnlyList<Permission> Permissions { get; }

    /// <summary>
    /// The module types this one needs enabled (it uses their types or services). Enabling this module enables them;
    /// disabling one of them disables this module too (<see cref="FeatureState.UpdateAsync"/>).
    /// </summary>
    IReadOnlyList<Type> Dependencies { get; }

    /// <summary>Links the theme shows in the main navigation while the module is enabled.</summary>
    IReadOnlyList<NavigationItem> Navigation { get; }

    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>Minimal-API endpoints; the host tags them so they answer 404 while the module is disabled.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <summary>Base class so a module overrides only what it has.</summary>
public abstract class PortalModule : IPortalModule
{
    public abstract string Name { get; }
    public abstract string DisplayName { get; }
    public virtual IReadOnlyList<Permission> Permissions => [];
    public virtual IReadOnlyList<Type> Dependencies => [];
    public virtual IReadOnlyList<NavigationItem> Navigation => [];
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }
    /// <summary>The module's <c>IEntityTypeConfiguration&lt;T&gt;</c> classes (in Models/, one per entity).</summary>
    public virtual void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}

/// <param name="Text">Japanese label; the module's resources translate it.</param>
/// <param name="Page">Razor page path inside the module's area.</param>
/// <param name="RequiredPermission">Shown only to users holding it; null for public links.</param>
public sealed record NavigationItem(string Text, string Page, Enum? RequiredPermission = null, int Order = 0);
