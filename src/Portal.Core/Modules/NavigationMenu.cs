using System.Security.Claims;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;

namespace Portal.Core.Modules;

/// <summary>
/// The theme's main menu: the navigation items of the enabled modules in order, each with its address resolved and
/// its module's localiser found once per set of enabled features rather than on every page view.
/// </summary>
public sealed class NavigationMenu(FeatureState features, LinkGenerator links, IStringLocalizerFactory localizers)
{
    public sealed record Entry(string Href, string Text, IStringLocalizer Localizer, Enum? RequiredPermission)
    {
        public LocalizedString Label => Localizer[Text];
    }

    private sealed record Snapshot(IReadOnlyCollection<string> Enabled, IReadOnlyList<Entry> Entries);

    private volatile Snapshot? _snapshot;

    /// <summary>The entries <paramref name="user"/> may see.</summary>
    public IEnumerable<Entry> For(ClaimsPrincipal user) =>
        Current().Where(e => e.RequiredPermission is null || user.HasPermission(e.RequiredPermission));

    private IReadOnlyList<Entry> Current()
    {
        var enabled = features.Enabled;
        var snapshot = _snapshot;
        if (snapshot is null || !ReferenceEquals(snapshot.Enabled, enabled))
            _snapshot = snapshot = new Snapshot(enabled, Build());
        return snapshot.Entries;
    }

    private List<Entry> Build() =>
        features.EnabledModules
            .SelectMany(module => module.Navigation.Select(item => (Module: module, Item: item)))
            .OrderBy(x => x.Item.Order)
            .Select(x => new Entry(
                links.GetPathByPage(x.Item.Page, handler: null, values: new { area = x.Module.Name })
                    ?? throw new InvalidOperationException($"Module {x.Module.Name} links to page {x.Item.Page}, which does not exist."),
                x.Item.Text,
                localizers.Create("Strings", x.Module.GetType().Assembly.GetName().Name!),
                x.Item.RequiredPermission))
            .ToList();
}
