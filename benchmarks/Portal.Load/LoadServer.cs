using Microsoft.Extensions.Logging;
using Portal.Web;

namespace Portal.Load;

/// <summary>One portal process as residents would reach it, plus the bare baseline endpoints.</summary>
public static class LoadServer
{
    public static async Task RunAsync(string dataDirectory, int port, bool cache, bool logSql)
    {
        var app = await PortalApp.BuildAsync(
        [
            $"--contentRoot={dataDirectory}", "--environment=Production", $"--urls=http://127.0.0.1:{port}",
            "--Portal:Digests:Enabled=false", "--Portal:RequireHttps=false",
            $"--Portal:PublicBaseUrl=http://127.0.0.1:{port}", $"--Portal:OutputCache:Enabled={cache}",
        ], builder =>
        {
            builder.Logging.ClearProviders();
            if (logSql)
                builder.Logging.AddConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)
                    .AddFilter("Microsoft", LogLevel.Warning);
        });
        await LoadData.SeedAsync(app.Services);
        BareCouncilPages.Map(app);
        await app.RunAsync();
    }
}
