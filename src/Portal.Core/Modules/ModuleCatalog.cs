using System.Reflection;

namespace Portal.Core.Modules;

/// <summary>The modules present in this build, found by assembly name next to the host.</summary>
public sealed class ModuleCatalog
{
    public const string AssemblyPrefix = "Portal.Modules.";

    public ModuleCatalog(IEnumerable<IPortalModule> modules)
    {
        Modules = modules.OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
        var duplicate = Modules.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two modules are named '{duplicate.Key}'.");
    }

    public IReadOnlyList<IPortalModule> Modules { get; }

    public IPortalModule? Find(string name) => Modules.FirstOrDefault(m => m.Name == name);

    public IEnumerable<Security.Permission> AllPermissions =>
        Modules.SelectMany(m => m.Permissions);

    /// <summary>Loads every Portal.Modules.*.dll in <paramref name="directory"/> and instantiates its modules.</summary>
    public static ModuleCatalog Discover(string directory)
    {
        var modules = new List<IPortalModule>();
        foreach (var path in Directory.EnumerateFiles(directory, AssemblyPrefix + "*.dll").Order(StringComparer.Ordinal))
        {
            var assembly = Assembly.Load(AssemblyName.GetAssemblyName(path));
            modules.AddRange(FromAssembly(assembly));
        }
        return new ModuleCatalog(modules);
    }

    public static IEnumerable<IPortalModule> FromAssembly(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => typeof(IPortalModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IPortalModule)Activator.CreateInstance(t)!);
}
