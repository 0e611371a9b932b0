using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Time;

namespace Portal.Modules.Digests.Services;

/// <summary>
/// Hangfire as a trigger only: in-memory storage on the embedded SQLite default (each node runs the job; the
/// database claims keep that safe), Hangfire.PostgreSql when the portal runs on PostgreSQL (one schedule per farm).
/// </summary>
public static class DigestHangfire
{
    public const string DashboardPath = "/admin/jobs";
    public const string SchemaName = "hangfire";

    public static void AddDigestHangfire(this IServiceCollection services, DatabaseOptions database, DigestOptions digests)
    {

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.IsPostgreSql)
            {
                // Several nodes may start at once on a new database: Hangfire.PostgreSql's own installer does not serialise them.
                HangfireSchema.Install(database.ConnectionString!, SchemaName);
                var storage = new PostgreSqlStorageOptions { UseSlidingInvisibilityTimeout = true, SchemaName = SchemaName, PrepareSchemaIfNecessary = false };
                if (digests.QueuePollInterval is { } poll)
                    storage.QueuePollInterval = poll;
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), storage);
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddHangfireServer(options =>
        {
            options.ServerName = $"portal-{Environment.MachineName}";
            // The only job is the digest: two workers suffice and keep the database pool small.
            options.WorkerCount = 2;
        });
        services.AddHostedService<RecurringDigestRegistration>();
    }

    public static void MapDigestDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = [new AdministratorDashboardFilter()],
                DashboardTitle = "区政協働ポータル ジョブ",
                AppPath = "/",
            })
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = PortalRoles.Administrator })
            .Add(endpoint => endpoint.RequestDelegate = WithReadableForm(endpoint.RequestDelegate!));
    }

    /// <summary>
    /// Hangfire's stats poll (/stats) and batch commands read the request's form whatever the request is, and ASP.NET
    /// Core throws (a 500) when it has none or a broken one: "Incorrect Content-Type" on a GET of the stats URL or a
    /// POST without a body or with JSON, InvalidDataException on a malformed multipart body. A request without a form
    /// is given an empty one, so Hangfire answers as for a form without fields (stats: {}, a batch command: 422); a
    /// form that cannot be read answers 400. The dashboard's own script posts real forms, which pass untouched.
    /// </summary>
    private static RequestDelegate WithReadableForm(RequestDelegate dashboard) => async context =>
    {
        if (!context.Request.HasFormContentType)
        {
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        }
        else
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        await dashboard(context);
    };

    /// <summary>Second line behind the endpoint policy: replaces Hangfire's default (local requests only, unsafe behind a proxy).</summary>
    private sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsAdministrator();
    }

    private sealed class RecurringDigestRegistration(IRecurringJobManager jobs, IOptions<DigestOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<DigestJob>(DigestJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.Value.Cron,
                new RecurringJobOptions { TimeZone = TokyoTime.Zone });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
