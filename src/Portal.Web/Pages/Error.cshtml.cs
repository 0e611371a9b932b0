using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages;

/// <summary>Every error a visitor sees: a page for browsers, problem details for /api; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet() => Handle();
    public IActionResult OnPost() => Handle();
    // A PUT, PATCH or DELETE to an endpoint that only reads is re-executed here with its own method; without these the
    // 405 would go out with an empty body.
    public IActionResult OnPut() => Handle();
    public IActionResult OnPatch() => Handle();
    public IActionResult OnDelete() => Handle();

    private IActionResult Handle()
    {
        // The code comes from the route, not from model binding: a POST re-executed here after the antiforgery check
        // refused it (too many form fields, a field over the size limit) has a form that cannot be read, and binding
        // would give up on every parameter, turning the 400 into a 500.
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = RouteData.Values["code"] is string text
               && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599
            ? code
            // An unhandled exception is a 500; anyone asking for /error/0 or /error/99 asked for a page that does not exist.
            : exception is not null ? StatusCodes.Status500InternalServerError : StatusCodes.Status404NotFound;
        var originalPath = reExecuted?.OriginalPath ?? exception?.Path;
        if (Code >= 500)
            logger.LogError("Request to {Path} ended with {Status}", originalPath, Code);

        Response.StatusCode = Code;
        if (originalPath?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            return new ObjectResult(new ProblemDetails { Status = Code, Title = ReasonPhrase(Code) }) { StatusCode = Code };
        return Page();
    }

    private static string ReasonPhrase(int code) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code);
}
