using Portal.Core.Security;

namespace Portal.Modules.SupportOrganisations;

public static class SupportPermissions
{
    public static readonly Permission ManageSupportProfile =
        new("ManageSupportProfile", "Edit the profile of your own intermediary support organisation");

    public static readonly Permission ViewSupportChoices =
        new("ViewSupportChoices", "See which support organisation each council of your ward chose");
}
