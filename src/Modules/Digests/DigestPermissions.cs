using Portal.Core.Security;

namespace Portal.Modules.Digests;

public static class DigestPermissions
{
    /// <summary>
    /// Seeing digest runs and resending them: administrators only. Deliberately not in the module's Permissions, so no
    /// role can be granted it (a recipe naming it is refused) and only administrators hold it; the page itself checks
    /// the Administrator role, this only shows its menu link.
    /// </summary>
    public static readonly Permission ManageDigestRuns = new("ManageDigestRuns", "See digest runs and resend their unsent mail");
}
