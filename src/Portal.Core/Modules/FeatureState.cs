using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Modules;

/// <summary>
/// Which modules are enabled on this site. The database row is the truth; this singleton keeps a copy
/// so that the per-request check costs nothing. Features change only through recipes.
/// </summary>
public sealed class FeatureState(ModuleCatalog catalog)
{
    private volatile HashSet<string> _enabled = new(StringComparer.Ordinal);

    public bool IsEnabled(string feature) => _enabled.Contains(feature);

    public IReadOnlyCollection<string> Enabled => _enabled;

    public IEnumerable<IPortalModule> EnabledModules => catalog.Modules.Where(m => IsEnabled(m.Name));

    public async Task LoadAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var names = await db.EnabledFeatures.Select(f => f.Name).ToListAsync(ct);
        _enabled = new HashSet<string>(names, StringComparer.Ordinal);
    }

    /// <summary>
    /// Enables <paramref name="enable"/> and every module they depend on, and disables <paramref name="disable"/> and every
    /// module that depends on them (as Orchard Core's recipes do), so that no enabled module lacks one it needs. A module
    /// both to enable (itself or as a dependency) and to disable (itself or as a dependent) is refused, as is an unknown name.
    /// </summary>
    public async Task UpdateAsync(PortalDbContext db, IEnumerable<string> enable, IEnumerable<string> disable, DateTime nowUtc,
        CancellationToken ct = default)
    {
        var toEnable = Names(catalog.WithDependencies(enable.Select(Module)));
        var toDisable = Names(catalog.WithDependents(disable.Select(Module)));
        var both = toEnable.Intersect(toDisable).Order(StringComparer.Ordinal).ToList();
        if (both.Count > 0)
            throw new InvalidOperationException(
                $"Features {string.Join(", ", both)} would be both enabled and disabled: a module to enable needs one to disable.");

        var rows = await db.EnabledFeatures.ToListAsync(ct);
        db.EnabledFeatures.RemoveRange(rows.Where(row => toDisable.Contains(row.Name)));
        db.EnabledFeatures.AddRange(toEnable.Except(rows.Select(row => row.Name)).Order(StringComparer.Ordinal)
            .Select(name => new EnabledFeature { Name = name, EnabledUtc = nowUtc }));
        await db.SaveChangesAsync(ct);
        await LoadAsync(db, ct);
    }

    private IPortalModule Module(string name) =>
        catalog.Find(name) ?? throw new InvalidOperationException($"Unknown feature '{name}'. Known: {string.Join(", ", catalog.Modules.Select(m => m.Name))}.");

    private static HashSet<string> Names(IEnumerable<IPortalModule> modules) => modules.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
}
