using System.Reflection;

namespace Portal.Core.Modules;

/// <summary>
/// The modules present in this build, found by assembly name next to the host. Every module a module depends on must be
/// present, and no module may depend on itself through others: the catalog refuses to exist otherwise.
/// </summary>
public sealed class ModuleCatalog
{
    public const string AssemblyPrefix = "Portal.Modules.";

    private readonly Dictionary<Type, IPortalModule> _byType;

    public ModuleCatalog(IEnumerable<IPortalModule> modules)
    {
        Modules = modules.OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
        var duplicate = Modules.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two modules are named '{duplicate.Key}'.");
        _byType = Modules.ToDictionary(m => m.GetType());
        foreach (var module in Modules)
        {
            var unknown = module.Dependencies.FirstOrDefault(type => !_byType.ContainsKey(type));
            if (unknown is not null)
                throw new InvalidOperationException(
                    $"Module '{module.Name}' depends on {unknown.FullName}, which is not a module of this build. Known: {string.Join(", ", Modules.Select(m => m.Name))}.");
        }
        RejectCycles();
    }

    public IReadOnlyList<IPortalModule> Modules { get; }

    public IPortalModule? Find(string name) => Modules.FirstOrDefault(m => m.Name == name);

    public IEnumerable<Security.Permission> AllPermissions =>
        Modules.SelectMany(m => m.Permissions);

    /// <summary>The modules <paramref name="module"/> declares it depends on.</summary>
    public IEnumerable<IPortalModule> DependenciesOf(IPortalModule module) => module.Dependencies.Select(type => _byType[type]);

    /// <summary>The modules that declare they depend on <paramref name="module"/>.</summary>
    public IEnumerable<IPortalModule> DependentsOf(IPortalModule module) => Modules.Where(m => m.Dependencies.Contains(module.GetType()));

    /// <summary><paramref name="modules"/> and every module they depend on, directly or through others.</summary>
    public IReadOnlySet<IPortalModule> WithDependencies(IEnumerable<IPortalModule> modules) => Closure(modules, DependenciesOf);

    /// <summary><paramref name="modules"/> and every module that depends on them, directly or through others.</summary>
    public IReadOnlySet<IPortalModule> WithDependents(IEnumerable<IPortalModule> modules) => Closure(modules, DependentsOf);

    private static HashSet<IPortalModule> Closure(IEnumerable<IPortalModule> start, Func<IPortalModule, IEnumerable<IPortalModule>> next)
    {
        var found = new HashSet<IPortalModule>();
        var pending = new Stack<IPortalModule>(start);
        while (pending.TryPop(out var module))
        {
            if (!found.Add(module))
                continue;
            foreach (var other in next(module))
                pending.Push(other);
        }
        return found;
    }

    private void RejectCycles()
    {
        var checkedModules = new HashSet<IPortalModule>();
        var path = new List<IPortalModule>();
        foreach (var module in Modules)
            Visit(module);

        void Visit(IPortalModule module)
        {
            if (checkedModules.Contains(module))
                return;
            var start = path.IndexOf(module);
            if (start >= 0)
                throw new InvalidOperationException(
                    $"Modules depend on each other in a cycle: {string.Join(" -> ", path.Skip(start).Append(module).Select(m => m.Name))}.");
            path.Add(module);
            foreach (var dependency in DependenciesOf(module))
                Visit(dependency);
            path.RemoveAt(path.Count - 1);
            checkedModules.Add(module);
        }
    }

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
