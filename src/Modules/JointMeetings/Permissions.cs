using System.ComponentModel;

namespace Portal.Modules.JointMeetings;

public enum MeetingPermission
{
    [Description("Schedule your organisation's joint meetings and record their attendance and minutes")]
    ManageMeetings,
}
