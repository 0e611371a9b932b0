using System.ComponentModel;

namespace Portal.Modules.TaskForces;

public enum TaskForcePermission
{
    [Description("Run your organisation's task forces: members, working groups, sessions, decisions and action items")]
    ManageTaskForces,

    [Description("Update the status of action items your organisation owns")]
    UpdateActionItems,
}
