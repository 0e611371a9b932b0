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

    public async Task EnableAsync(PortalDbContext db, IEnumerable<string> features, DateTime nowUtc, CancellationToken ct = default)
    {
        foreach (var name in features)
        {
            if (catalog.Find(name) is null)
                throw new InvalidOperationException($"Unknown feature '{name}'. Known: {string.Join(", ", catalog.Modules.Select(m => m.Name))}.");
            if (!await db.EnabledFeatures.AnyAsync(f => f.Name == name, ct))
                db.EnabledFeatures.Add(new EnabledFeature { Name = name, EnabledUtc = nowUtc });
        }
        await db.SaveChangesAsync(ct);
        await LoadAsync(db, ct);
    }
}
