using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Modules.Digests.Services;

namespace Portal.Modules.Digests;

public sealed class DigestsModule : PortalModule
{
    public override string Name => "Digests";

    public override string DisplayName => "会議ダイジェスト";

    public override IReadOnlyList<NavigationItem> Navigation =>
    [
        new("ダイジェスト配信", "/Subscriptions", Order: 90),
        new("ダイジェストの送信状況", "/Staff/Runs", DigestPermission.ManageDigestRuns, Order: 191),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.MaxAttempts >= 1 && o.ClaimLease > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero
                    && o.ServerFailureLimit >= 1 && o.MaxServerFailuresPerDelivery >= 1 && o.SuspendDelay > TimeSpan.Zero && o.MaxSuspendDelay >= o.SuspendDelay,
                "Portal:Digests: MaxAttempts, ServerFailureLimit and MaxServerFailuresPerDelivery must be at least 1, ClaimLease and SuspendDelay positive, "
                + "RetryDelay not negative, MaxSuspendDelay not shorter than SuspendDelay.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => IsValidSmtp(o), "Portal:Smtp: Host, Port (1-65535), UseTls (none/starttls/ssl) and From (a mail address) must be valid.")
            .ValidateOnStart();

        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<DigestMailComposer>();
        services.AddScoped<DigestPlanner>();
        services.AddScoped<DigestSender>();
        services.AddScoped<DigestJob>();
        services.AddScoped<DigestRunAdministration>();
        services.AddScoped<SubscriptionService>();

        // Hangfire is set up before the options can be resolved: read them here as the binding above reads them.
        var digests = configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        if (digests.Enabled)
            services.AddDigestHangfire(DatabaseOptions.Read(configuration), digests);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<DigestOptions>>().Value.Enabled)
            endpoints.MapDigestDashboard();
    }

    private static bool IsValidSmtp(SmtpOptions o)
    {
        try
        {
            SmtpSession.SocketOptions(o.UseTls);
            o.Sender();
            return !string.IsNullOrWhiteSpace(o.Host) && o.Port is > 0 and <= 65535 && o.TimeoutSeconds > 0;
        }
        catch (Exception e) when (e is InvalidOperationException or MimeKit.ParseException)
        {
            return false;
        }
    }
}
