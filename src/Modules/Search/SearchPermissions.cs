using Portal.Core.Security;

namespace Portal.Modules.Search;

public static class SearchPermissions
{
    public static readonly Permission ManageSearchIndex = new("ManageSearchIndex", "See the state of this node's search index and rebuild it");
}
