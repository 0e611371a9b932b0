using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Data;

namespace Portal.Web.Pages.Account;

public class LogoutModel(SignInManager<PortalUser> signInManager) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends this user's other cookies too, copies included, on every node at their next validation.
        if (await signInManager.UserManager.GetUserAsync(User) is { } user)
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        await signInManager.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
