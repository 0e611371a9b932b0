using Portal.Core.Security;

namespace Portal.Modules.TaskForces;

public static class TaskForcePermissions
{
    public static readonly Permission ManageTaskForces =
        new("ManageTaskForces", "Run your organisation's task forces: members, working groups, sessions, decisions and action items");

    public static readonly Permission UpdateActionItems =
        new("UpdateActionItems", "Update the status of action items your organisation owns");
}
