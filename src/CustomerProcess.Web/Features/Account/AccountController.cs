using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Account;

public sealed class LoginInput
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Enter your user name."]).MaxLength(InputLimits.UserNameLength, l);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Enter your password."]).MaxLength(PasswordPolicy.MaximumLength, l);
        RuleFor(x => x.ReturnUrl).MaxLength(InputLimits.UrlLength, l);
    }
}

[AllowAnonymous]
public sealed class AccountController(
    SignInManager<AppUser> signInManager,
    LoginThrottle throttle,
    IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost]
    [EnableRateLimiting(CustomerProcessSetup.LoginRateLimitPolicy)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        if (!throttle.TryAcquire(input.UserName))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", l["Too many sign-in attempts for this user name. Please wait a minute and try again."]);
            return View(input);
        }

        var result = await signInManager.PasswordSignInAsync(input.UserName.Trim(), input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", input.UserName);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
        }

        logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", input.UserName, result.IsLockedOut);
        ModelState.AddModelError("", result.IsLockedOut
            ? l["This account is locked after too many failed attempts. Try again in 15 minutes or ask the administrator."]
            : l["The user name or password is not correct."]);
        input.Password = "";
        return View(input);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);
}
