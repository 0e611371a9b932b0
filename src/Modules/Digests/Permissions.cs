using System.ComponentModel;

namespace Portal.Modules.Digests;

public enum DigestPermission
{
    /// <summary>
    /// Seeing digest runs and resending them: administrators only. Deliberately not in the module's Permissions, so no
    /// role can be granted it (a recipe naming it is refused) and only administrators hold it; the page itself checks
    /// the Administrator role, this only shows its menu link.
    /// </summary>
    [Description("See digest runs and resend their unsent mail")]
    ManageDigestRuns,
}
