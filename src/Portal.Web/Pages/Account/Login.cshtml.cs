using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Validation;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Account;

public sealed class LoginInput
{
    [Display(Name = "ユーザー名")]
    [RequiredText]
    [StringLength(256)]
    public string UserName { get; set; } = "";

    [Display(Name = "パスワード")]
    [RequiredText]
    [StringLength(256)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

/// <summary>
/// Sign-in that does not tell who has an account: every failure (unknown user, wrong password, locked out, not
/// allowed) gives one message and costs one password-hash verification, against the user's hash or a decoy.
/// </summary>
public class LoginModel(
    SignInManager<PortalUser> signInManager, IPasswordHasher<PortalUser> passwordHasher, DecoyPasswordHash decoy,
    IOptions<IdentityOptions> identity, IStringLocalizer<Strings> T, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var users = signInManager.UserManager;
        var user = await users.FindByNameAsync(Input.UserName);
        string reason;
        if (user is null || !await signInManager.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            // Identity answers these without hashing; pay what a wrong password costs.
            passwordHasher.VerifyHashedPassword(user ?? new PortalUser(), decoy.Get(passwordHasher), Input.Password);
            reason = user is null ? "unknown user" : "locked out or not allowed";
        }
        else
        {
            var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
                return Redirect(LocalRedirectTarget.For(ReturnUrl));
            reason = result.IsLockedOut ? "wrong password, now locked out" : "wrong password";
        }

        logger.LogWarning("Failed sign-in for {UserName} ({Reason})", Input.UserName, reason);
        var lockout = identity.Value.Lockout;
        ModelState.AddModelError("", T["ログインできませんでした。ユーザー名とパスワードをご確認ください。{0}回続けて失敗すると、アカウントは{1}分間ロックされます。その間は正しいパスワードでもログインできませんので、時間をおいてからお試しください。",
            lockout.MaxFailedAccessAttempts, (int)lockout.DefaultLockoutTimeSpan.TotalMinutes]);
        return Page();
    }
}

/// <summary>A hash of a random password that belongs to no account, made once with the site's hasher (same cost as a real one).</summary>
public sealed class DecoyPasswordHash
{
    private string? _hash;

    public string Get(IPasswordHasher<PortalUser> hasher) =>
        _hash ??= hasher.HashPassword(new PortalUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
