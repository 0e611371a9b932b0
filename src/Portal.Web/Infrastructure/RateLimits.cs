using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Per client IP limits on the endpoints worth guessing at: the login POST (password guessing across accounts, which
/// the per-account lockout does not stop) and the digest unsubscribe links (token guessing). Over the limit: 429,
/// the site's error page, or problem details where the endpoint answers problem details (the unsubscribe POST).
/// </summary>
public static class RateLimits
{
    public static void AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var login = Read(configuration, "Login", permitLimit: 10);
        var unsubscribe = Read(configuration, "Unsubscribe", permitLimit: 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var request = context.Request;
                if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetFixedWindowLimiter("login:" + ip, _ => login);
                if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method))
                    && request.Path.StartsWithSegments("/digests/unsubscribe", StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetFixedWindowLimiter("unsubscribe:" + ip, _ => unsubscribe);
                return RateLimitPartition.GetNoLimiter("");
            });
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                    .LogWarning("Rate limit hit: {Method} {Path} from {RemoteIp}", http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress?.ToString());
                // The unsubscribe POST is one-click from mail clients and answers problem details; the rest get the
                // error page from the status code pages (an empty 429 is re-executed as /error/429).
                if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/digests/unsubscribe"))
                {
                    await http.Response.WriteAsJsonAsync(new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "リクエストが多すぎます。しばらくしてから、もう一度お試しください。",
                    }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
                }
            };
        });
    }

    private static FixedWindowRateLimiterOptions Read(IConfiguration configuration, string name, int permitLimit)
    {
        var section = configuration.GetSection($"Portal:RateLimits:{name}");
        return new FixedWindowRateLimiterOptions
        {
            PermitLimit = section.GetValue("PermitLimit", permitLimit),
            Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
