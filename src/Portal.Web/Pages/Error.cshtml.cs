using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages;

/// <summary>Every error a visitor sees: a page for browsers, problem details for /api; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int? code) => Handle(code);
    public IActionResult OnPost(int? code) => Handle(code);

    private IActionResult Handle(int? code)
    {
        Code = code is >= 400 and <= 599 ? code.Value : 500;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (Code >= 500)
            logger.LogError("Request to {Path} ended with {Status}", originalPath, Code);

        Response.StatusCode = Code;
        if (originalPath?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            return new ObjectResult(new ProblemDetails { Status = Code, Title = ReasonPhrase(Code) }) { StatusCode = Code };
        return Page();
    }

    private static string ReasonPhrase(int code) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code);
}
