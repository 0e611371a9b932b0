using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Account;

public sealed class LoginInput
{
    [Display(Name = "ユーザー名")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(256)]
    public string UserName { get; set; } = "";

    [Display(Name = "パスワード")]
    [Required(ErrorMessage = "{0}を入力してください。")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

public class LoginModel(SignInManager<PortalUser> signInManager, IStringLocalizer<Strings> T, ILogger<LoginModel> logger) : PageModel
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

        var result = await signInManager.PasswordSignInAsync(Input.UserName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return Redirect(LocalRedirectTarget.For(ReturnUrl));

        logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", Input.UserName, result.IsLockedOut);
        ModelState.AddModelError("", result.IsLockedOut
            ? T["ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてからお試しください。"]
            : T["ユーザー名またはパスワードが正しくありません。"]);
        return Page();
    }
}
