using System.ComponentModel;

namespace Portal.Modules.Search;

public enum SearchPermission
{
    [Description("See the state of this node's search index and rebuild it")]
    ManageSearchIndex,
}
