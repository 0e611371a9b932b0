using Microsoft.EntityFrameworkCore;
using Portal.Core.Modules;

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
}
