using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Modules;
using Portal.Core.Security;

namespace Portal.Tests.Core.Modules;

public class ModuleCatalogTests
{
    [Fact]
    public void Catalog_discovers_the_DistrictCouncils_module_next_to_the_host_with_its_two_permissions()
    {
        var catalog = ModuleCatalog.Discover(AppContext.BaseDirectory);

        var module = catalog.Find("DistrictCouncils");
        Assert.NotNull(module);
        Assert.Equal("Portal.Modules.DistrictCouncils", module.GetType().Assembly.GetName().Name);
        Assert.Equal("地域活動協議会", module.DisplayName);
        Assert.Equal(["ManageCouncilProfiles", "PostCouncilUpdates"], module.Permissions.Select(p => p.Name).Order());
        Assert.Equal(module.Permissions.Select(p => p.Name).Order(), catalog.AllPermissions.Where(p => module.Permissions.Contains(p)).Select(p => p.Name).Order());
        Assert.Null(catalog.Find("NoSuchModule"));
    }

    [Fact]
    public void Every_page_requires_only_permissions_a_module_declares()
    {
        var catalog = ModuleCatalog.Discover(AppContext.BaseDirectory);
        var pages = catalog.Modules.Select(m => m.GetType().Assembly).Distinct().SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(PageModel))).ToList();

        Assert.True(pages.Count(t => t.IsDefined(typeof(RequirePermissionAttribute))) >= 19);
        Assert.Empty(UndeclaredPermissions(catalog, pages));
        Assert.Equal(["PageWithUndeclaredPermission: Elsewhere.ManageCouncilProfiles"],
            UndeclaredPermissions(catalog, [typeof(PageWithUndeclaredPermission)]));
    }

    private static List<string> UndeclaredPermissions(ModuleCatalog catalog, IEnumerable<Type> pages)
    {
        var declared = catalog.AllPermissions.ToHashSet();
        return pages
            .SelectMany(page => page.GetCustomAttributes<RequirePermissionAttribute>().Select(a => (page, a.Permission)))
            .Where(x => !declared.Contains(Permission.Of(x.Permission)))
            .Select(x => $"{x.page.Name}: {x.Permission.GetType().Name}.{x.Permission}")
            .ToList();
    }

    private enum Elsewhere
    {
        [System.ComponentModel.Description("Named like a council permission, declared by no module")]
        ManageCouncilProfiles,
    }

    [RequirePermission(Elsewhere.ManageCouncilProfiles)]
    private sealed class PageWithUndeclaredPermission : PageModel;
}
