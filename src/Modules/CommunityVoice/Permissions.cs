using Portal.Core.Security;

namespace Portal.Modules.CommunityVoice;

public static class VoicePermissions
{
    public static readonly Permission RaiseVoiceItems =
        new("RaiseVoiceItems", "Record voices of the community heard by liaison staff or at ward council meetings");

    public static readonly Permission HandleVoiceItems =
        new("HandleVoiceItems", "As ward office staff, route, answer and close the voice items of your ward");

    public static readonly Permission ManageVoiceRouting =
        new("ManageVoiceRouting", "Maintain your ward's departments and its category-to-department routing table");
}
