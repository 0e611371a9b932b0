using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Portal.Core.Time;

namespace Portal.Core.Editing;

/// <summary>
/// <c>&lt;conflict-notice /&gt;</c> in an edit form: after a refused save (someone saved first), who saved the row and
/// when; nothing otherwise, and nothing when no row is there to name (a version sent for a row that does not exist).
/// </summary>
[HtmlTargetElement("conflict-notice", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ConflictNoticeTagHelper(IStringLocalizer<Strings> T) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (EditResultPages.ConflictOf(ViewContext.HttpContext) is not { ModifiedBy.Length: > 0 } conflict)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-warning");
        output.Content.SetContent(T["最終更新: {0}（{1}）", conflict.ModifiedBy, TokyoTime.Format(conflict.ModifiedUtc)]);
    }
}
