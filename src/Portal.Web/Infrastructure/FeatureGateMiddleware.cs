using Portal.Core.Modules;

namespace Portal.Web.Infrastructure;

/// <summary>Endpoints of a module that is not enabled answer 404, as if the module were not installed.</summary>
public sealed class FeatureGateMiddleware(RequestDelegate next, FeatureState features)
{
    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.GetEndpoint()?.Metadata.GetMetadata<ModuleFeatureMetadata>();
        if (feature is not null && !features.IsEnabled(feature.Feature))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
