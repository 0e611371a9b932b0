using Portal.Core.Modules;
using Portal.Modules.DistrictCouncils;
using Portal.Modules.SupportOrganisations;

namespace Portal.Tests.Core.Modules;

/// <summary>Discovery refuses a build whose modules need one that is missing or need each other in a circle.</summary>
public class ModuleCatalogDependencyTests
{
    [Fact]
    public void The_support_organisations_module_declares_that_it_needs_the_district_councils()
    {
        var catalog = ModuleCatalog.Discover(AppContext.BaseDirectory);

        var support = catalog.Find("SupportOrganisations")!;
        Assert.Equal([typeof(DistrictCouncilsModule)], support.Dependencies);
        Assert.Equal(["DistrictCouncils"], catalog.DependenciesOf(support).Select(m => m.Name));
        Assert.Equal(["SupportOrganisations"], catalog.DependentsOf(catalog.Find("DistrictCouncils")!).Select(m => m.Name));
        Assert.All(catalog.Modules.Where(m => m is not SupportOrganisationsModule), m => Assert.Empty(m.Dependencies));
    }

    [Fact]
    public void A_dependency_on_a_module_that_is_not_in_the_build_fails_discovery()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new Lonely(), new Bottom()]));

        Assert.Equal(
            $"Module 'Lonely' depends on {typeof(NotAModule).FullName}, which is not a module of this build. Known: Bottom, Lonely.",
            error.Message);
    }

    [Fact]
    public void Modules_that_need_each_other_in_a_circle_fail_discovery()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new Third(), new Bottom(), new Second(), new First()]));

        Assert.Equal("Modules depend on each other in a cycle: First -> Second -> Third -> First.", error.Message);
    }

    [Fact]
    public void A_module_that_needs_itself_fails_discovery()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new Selfish()]));

        Assert.Equal("Modules depend on each other in a cycle: Selfish -> Selfish.", error.Message);
    }

    [Fact]
    public void Dependencies_and_dependents_count_through_other_modules()
    {
        var (top, middle, bottom) = (new Top(), new Middle(), new Bottom());
        var catalog = new ModuleCatalog([top, middle, bottom]);

        Assert.Equal(["Bottom", "Middle", "Top"], catalog.WithDependencies([top]).Select(m => m.Name).Order());
        Assert.Equal(["Bottom", "Middle"], catalog.WithDependencies([middle]).Select(m => m.Name).Order());
        Assert.Equal(["Bottom", "Middle", "Top"], catalog.WithDependents([bottom]).Select(m => m.Name).Order());
        Assert.Equal(["Middle", "Top"], catalog.WithDependents([middle]).Select(m => m.Name).Order());
    }

    /// <summary>A type a module may wrongly name as a module.</summary>
    public sealed class NotAModule;

    /// <summary>A module named after its class, needing <paramref name="dependencies"/>.</summary>
    public abstract class TestModule(params Type[] dependencies) : PortalModule
    {
        public override string Name => GetType().Name;
        public override string DisplayName => Name;
        public override IReadOnlyList<Type> Dependencies => dependencies;
    }

    public sealed class Lonely() : TestModule(typeof(NotAModule));
    public sealed class Selfish() : TestModule(typeof(Selfish));
    public sealed class First() : TestModule(typeof(Second));
    public sealed class Second() : TestModule(typeof(Third));
    public sealed class Third() : TestModule(typeof(First));
    public sealed class Top() : TestModule(typeof(Middle));
    public sealed class Middle() : TestModule(typeof(Bottom));
    public sealed class Bottom() : TestModule;
}
