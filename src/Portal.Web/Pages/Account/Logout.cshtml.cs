using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Data;

namespace Portal.Web.Pages.Account;

public class LogoutModel(SignInManager<PortalUser> signInManager, ILogger<LogoutModel> logger) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await RenewSecurityStampAsync();
        await signInManager.SignOutAsync();
        return RedirectToPage("/Index");
    }

    /// <summary>
    /// A new stamp ends this user's other cookies too, copies included, on every node at their next validation. It can
    /// fail when the user row changed at the same moment (Identity's concurrency stamp): the sign-out still ends this
    /// browser's session, and the log says the other cookies live on until they expire.
    /// </summary>
    private async Task RenewSecurityStampAsync()
    {
        var users = signInManager.UserManager;
        if (await users.GetUserAsync(User) is not { } user)
            return;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
            logger.LogWarning("Sign-out of {UserName}: the security stamp was not renewed, so copies of its cookies stay valid: {Errors}",
                user.UserName, string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
