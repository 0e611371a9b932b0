using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Forms;

/// <summary>
/// <c>&lt;submission-key /&gt;</c> in a create form: the hidden one-time key <see cref="FormSubmissions"/> saves the form
/// once by. A form shown again after a refused send keeps the key it was sent with (nothing was saved with it).
/// </summary>
[HtmlTargetElement("submission-key", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SubmissionKeyTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var http = ViewContext.HttpContext;
        var key = (http.Items.ContainsKey(FormSubmissions.FreshKeyItem) ? null : FormSubmissions.PostedKey(http.Request)) ?? Guid.NewGuid();
        output.TagName = "input";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("type", "hidden");
        output.Attributes.SetAttribute("name", FormSubmissions.KeyField);
        output.Attributes.SetAttribute("value", key.ToString());
    }
}
