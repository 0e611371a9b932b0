using System.Diagnostics;
using System.Security.Claims;

namespace Portal.Web.Infrastructure;

/// <summary>One structured log entry for every 4xx/5xx: method, path, status, elapsed ms and user id as properties.</summary>
public sealed class ErrorResponseLoggingMiddleware(RequestDelegate next, ILogger<ErrorResponseLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.Response.StatusCode;
            if (status >= 400)
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
                logger.Log(status >= 500 ? LogLevel.Error : LogLevel.Warning,
                    "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms for user {UserId}",
                    context.Request.Method, context.Request.Path.Value, status, elapsed, userId);
            }
        }
    }
}
