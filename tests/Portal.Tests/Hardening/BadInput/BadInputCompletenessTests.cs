using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// Keeps the corpus complete: every POST handler of every page is in <see cref="FormCorpus"/>, every GET page and every
/// minimal API endpoint is in <see cref="ReadCorpus"/>, and the site has no endpoint for another method that neither
/// knows. A new form or endpoint fails here until the corpus covers it.
/// </summary>
public class BadInputCompletenessTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    [Fact]
    public async Task Every_post_handler_of_every_page_is_in_the_form_corpus()
    {
        var handlers = await PostHandlersAsync();
        var listed = FormCorpus.All.Select(s => (s.Route, s.Handler)).ToHashSet();

        var missing = handlers.Where(h => !listed.Contains(h)).Select(h => $"{h.Route} (handler {h.Handler ?? "default"})").ToList();
        Assert.True(missing.Count == 0, "POST handlers missing from FormCorpus.All:\n" + string.Join("\n", missing));
        var stale = listed.Where(l => !handlers.Contains(l)).Select(l => $"{l.Route} (handler {l.Handler ?? "default"})").ToList();
        Assert.True(stale.Count == 0, "FormCorpus.All lists handlers the site does not have:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_get_page_and_api_endpoint_is_in_the_read_corpus()
    {
        var pages = await PageRoutesAsync();
        var apis = ApiEndpoints().Where(e => e.Methods.Contains("GET")).Select(e => e.Pattern);
        var routes = pages.Concat(apis).ToHashSet();
        var listed = ReadCorpus.All.Select(e => e.Pattern).ToHashSet();

        var missing = routes.Except(listed).Order().ToList();
        Assert.True(missing.Count == 0, "GET endpoints missing from ReadCorpus.All:\n" + string.Join("\n", missing));
        var stale = listed.Except(routes).Order().ToList();
        Assert.True(stale.Count == 0, "ReadCorpus.All lists endpoints the site does not have:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_site_has_no_api_endpoint_for_a_method_other_than_get()
    {
        // POST, PUT or DELETE endpoints outside Razor Pages would need their own corpus (JSON bodies, content types).
        var others = ApiEndpoints().Where(e => e.Methods.Any(m => m is not ("GET" or "HEAD"))).Select(e => $"{string.Join(",", e.Methods)} {e.Pattern}").ToList();
        Assert.True(others.Count == 0, "API endpoints the corpus does not cover:\n" + string.Join("\n", others));
    }

    /// <summary>Each page's route template (as in its @page directive) with the name of each of its POST handlers.</summary>
    private async Task<HashSet<(string Route, string? Handler)>> PostHandlersAsync()
    {
        var result = new HashSet<(string, string?)>();
        foreach (var (route, page) in await CompiledPagesAsync())
            foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                result.Add((route, handler.Name));
        return result;
    }

    private async Task<IEnumerable<string>> PageRoutesAsync() => (await CompiledPagesAsync()).Select(p => p.Route);

    private async Task<List<(string Route, CompiledPageActionDescriptor Page)>> CompiledPagesAsync()
    {
        var loader = site.Host.Service<PageLoader>();
        var pages = site.Host.Service<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var result = new List<(string, CompiledPageActionDescriptor)>();
        foreach (var page in pages.Where(p => p.AttributeRouteInfo?.Template is not null))
            result.Add(("/" + page.AttributeRouteInfo!.Template, await loader.LoadAsync(page, EndpointMetadataCollection.Empty)));
        // Razor Pages also routes /Index as "/Index" next to "/": the corpus lists the route the @page directive gives.
        return result.Where(r => !r.Item1.EndsWith("/Index", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Route endpoints that are not Razor Pages or MVC actions: the modules' minimal APIs.</summary>
    private IEnumerable<(string Pattern, string[] Methods)> ApiEndpoints() =>
        site.Host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is null)
            .Select(e => (Normalise(e.RoutePattern.RawText ?? ""), e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["*"]));

    /// <summary>A group's "" endpoint is "/api/councils/"; it answers at "/api/councils".</summary>
    private static string Normalise(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
}
