using System.ComponentModel;

namespace Portal.Modules.CommunityVoice;

public enum VoicePermission
{
    [Description("Record voices of the community heard by liaison staff or at ward council meetings")]
    RaiseVoiceItems,

    [Description("As ward office staff, route, answer and close the voice items of your ward")]
    HandleVoiceItems,

    [Description("Maintain your ward's departments and its category-to-department routing table")]
    ManageVoiceRouting,
}
