using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Binds strings as the framework does, then drops the characters that are not text: C0 control characters other than
/// tab, line feed and carriage return, and the non-characters U+FFFE and U+FFFF. They arrive invisibly with pasted
/// text, and XML (the Atom feeds) cannot carry them. (NUL never gets here: ASP.NET Core refuses a form that has one.)
/// </summary>
public sealed class TextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new TextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    public static bool IsText(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c is not '\uFFFE' and not '\uFFFF');

    public static string Clean(string value)
    {
        if (value.All(IsText)) return value;
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
            if (IsText(c)) text.Append(c);
        return text.ToString();
    }

    private sealed class TextModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string value })
                bindingContext.Result = ModelBindingResult.Success(Clean(value));
        }
    }
}
