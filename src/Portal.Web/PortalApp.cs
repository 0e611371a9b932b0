using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Web.Infrastructure;

namespace Portal.Web;

/// <summary>Builds the site: the host is thin, each module registers its own services, model, pages and endpoints.</summary>
public static class PortalApp
{
    public static readonly CultureInfo[] SupportedCultures = [new("ja-JP"), new("en")];

    /// <summary>Builds the application and brings its database up to date (migrations, then the setup recipe on a new site).</summary>
    /// <param name="configure">Runs first, before the portal reads its configuration (logging, extra configuration sources).</param>
    /// <param name="overrideServices">Runs after every module registered its services: tests and benchmarks add or replace services here.</param>
    public static async Task<WebApplication> BuildAsync(
        string[] args, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        var catalog = ModuleCatalog.Discover(AppContext.BaseDirectory);
        ConfigureServices(builder, catalog);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        ConfigurePipeline(app, catalog);
        await SiteSetup.InitialiseAsync(app.Services);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder, ModuleCatalog catalog)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, "App_Data");

        services.AddPublicPageCaching(configuration);
        services.AddPortalCore(catalog);
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.Section));
        services.AddPublicAddress(configuration, builder.Environment);
        services.AddPortalDatabase(configuration, builder.Environment.ContentRootPath);

        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddUserManager<PortalUserManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();
        // Every node re-reads the user's security stamp from the database once a minute: a sign-out, a password or role
        // change (each a new stamp; roles through PortalUserManager) or a disabled account ends cookies issued before
        // it, also copies of them.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, PortalSecurityStampValidator>());
        services.AddSingleton<Pages.Account.DecoyPasswordHash>();

        var secure = CookieSecurity.Policy(configuration, builder.Environment);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".Portal.Auth";
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            // Signing in on the login page redirects to its ?ReturnUrl= before the page does: through the same check.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalRedirectTarget.For(context.RedirectUri));
                return Task.CompletedTask;
            };
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A signed-in user without the right gets a 403 page, not a redirect; APIs never redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else
                {
                    // Relative: the handler's RedirectUri is absolute, built from the request's Host header.
                    var request = context.Request;
                    context.Response.Redirect(context.Options.LoginPath + QueryString.Create(
                        context.Options.ReturnUrlParameter, request.PathBase + request.Path + request.QueryString));
                }
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Portal.Antiforgery";
            options.Cookie.SecurePolicy = secure;
        });
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = secure);
        // Every other cookie (the language cookie of /culture) follows the same policy.
        services.Configure<CookiePolicyOptions>(options => options.Secure = secure);

        services.AddPortalScaleOut(configuration, dataDirectory);

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // A typed localiser holds nothing per request; as a singleton each view's @inject no longer asks the factory
        // (reflection over the assembly's attributes) on every render.
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("ja-JP");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // Japanese unless the visitor chose English: no Accept-Language guessing.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Japanese text is written as UTF-8, not as &#x...; entities (a third of the page weight).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // JSON (APIs, problem details) keeps Japanese as text but escapes <, >, &, ' and ": ASP.NET Core's default relaxed
        // encoder would echo a query's "<script>" verbatim in a problem detail.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddPortalRateLimits(configuration);
        services.AddTrustedProxies(configuration);
        var mvc = services.AddRazorPages(options =>
            {
                foreach (var module in catalog.Modules)
                {
                    options.Conventions.AddAreaFolderApplicationModelConvention(module.Name, "/",
                        model => model.EndpointMetadata.Add(new ModuleFeatureMetadata(module.Name)));
                }
            })
            // The site has no client-side validation script: without this, every valid form carries the validation
            // summary's hidden <li style="display:none"> placeholder, an inline style the Content-Security-Policy blocks.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddJsonOptions(options => options.JsonSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (type, factory) => factory.Create("Strings", type.Assembly.GetName().Name!))
            .AddMvcOptions(options =>
            {
                ModelBindingMessages.UseJapanese(options.ModelBindingMessageProvider);
                options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new TextModelBinderProvider());
                options.Filters.Add(new MissingHandlerFilter());
            });
        mvc.ConfigureApplicationPartManager(parts =>
        {
            foreach (var assembly in catalog.Modules.Select(m => m.GetType().Assembly).Append(typeof(Theme.Strings).Assembly).Distinct())
            {
                if (parts.ApplicationParts.All(p => p.Name != assembly.GetName().Name))
                    parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
            }
        });

        foreach (var module in catalog.Modules)
            module.ConfigureServices(services, configuration);
    }

    /// <summary>
    /// Serves the files an assembly embeds from its Assets folder (EmbeddedResource Include="Assets\**\*", root namespace =
    /// assembly name) at <paramref name="requestPath"/>: the theme at /assets/theme/, each module at /assets/{module name in lower case}/.
    /// </summary>
    private static void UseEmbeddedAssets(WebApplication app, System.Reflection.Assembly assembly, string requestPath)
    {
        var baseNamespace = assembly.GetName().Name + ".Assets";
        if (!assembly.GetManifestResourceNames().Any(n => n.StartsWith(baseNamespace + ".", StringComparison.Ordinal)))
            return;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(assembly, baseNamespace),
            RequestPath = requestPath,
        });
    }

    private static void ConfigurePipeline(WebApplication app, ModuleCatalog catalog)
    {
        // First: everything after it sees the client's address and scheme, not the proxy's.
        app.UseTrustedProxies();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // After the security headers, so the 400 for an unknown host carries them too.
        app.UseAllowedHosts();
        // Outermost but one: sees the final status, after the exception handler turned an exception into a 500.
        app.UseMiddleware<ErrorResponseLoggingMiddleware>();
        // Stack traces only on a developer's machine: every other environment (Testing, Staging, Production) gets the page.
        if (app.Environment.IsDevelopment())
            app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler("/error/500");
        if (CookieSecurity.RequireHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseCookiePolicy();

        app.UseRequestLocalization();
        UseEmbeddedAssets(app, typeof(Theme.Strings).Assembly, "/assets/theme");
        foreach (var module in catalog.Modules)
            UseEmbeddedAssets(app, module.GetType().Assembly, "/assets/" + module.Name.ToLowerInvariant());

        app.UseRateLimiter();
        app.UseRouting();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the cache policy serves and stores pages for anonymous visitors only.
        if (PublicPageCaching.IsEnabled(app.Configuration))
            app.UseOutputCache();

        app.MapRazorPages();
        foreach (var module in catalog.Modules)
        {
            var group = app.MapGroup("").WithMetadata(new ModuleFeatureMetadata(module.Name));
            module.MapEndpoints(group);
        }
        CultureEndpoint.Map(app);
    }
}
