using Portal.Core.Security;

namespace Portal.Modules.JointMeetings;

public static class MeetingPermissions
{
    public static readonly Permission ManageMeetings =
        new("ManageMeetings", "Schedule your organisation's joint meetings and record their attendance and minutes");
}
