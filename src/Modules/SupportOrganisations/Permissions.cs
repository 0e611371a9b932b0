using System.ComponentModel;

namespace Portal.Modules.SupportOrganisations;

public enum SupportPermission
{
    [Description("Edit the profile of your own intermediary support organisation")]
    ManageSupportProfile,

    [Description("See which support organisation each council of your ward chose")]
    ViewSupportChoices,
}
