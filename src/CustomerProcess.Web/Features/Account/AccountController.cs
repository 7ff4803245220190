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

public sealed class LoginTwoFactorInput
{
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class LoginTwoFactorInputValidator : AbstractValidator<LoginTwoFactorInput>
{
    public LoginTwoFactorInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the code."]).MaxLength(AuthenticatorCode.MaximumLength, l);
        RuleFor(x => x.ReturnUrl).MaxLength(InputLimits.UrlLength, l);
    }
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

public sealed class AccountController(
    SignInManager<AppUser> signInManager,
    LoginThrottle throttle,
    IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(CustomerProcessSetup.LoginRateLimitPolicy)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        if (!await throttle.TryAcquireAsync(input.UserName, HttpContext.RequestAborted))
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

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : null });
        }

        logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", input.UserName, result.IsLockedOut);
        // One message for an unknown name, a wrong password, a locked and a deactivated account (issue #21, finding 8).
        ModelState.AddModelError("", l[
            "The user name or password is not correct. After {0} failed attempts an account is locked for {1} minutes.",
            PasswordPolicy.MaxFailedAttempts,
            (int)PasswordPolicy.LockoutDuration.TotalMinutes]);
        input.Password = "";
        return View(input);
    }

    /// <summary>The second step for an account with two-factor sign-in: an authenticator code or a recovery code.</summary>
    [AllowAnonymous]
    [HttpGet]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl) =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new LoginTwoFactorInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(CustomerProcessSetup.LoginRateLimitPolicy)]
    public async Task<IActionResult> LoginTwoFactor(LoginTwoFactorInput input)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var users = signInManager.UserManager;
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (AuthenticatorCode.IsAuthenticatorCode(input.Code))
        {
            // Identity counts a wrong code towards the lockout and refuses a locked-out user.
            result = await signInManager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalize(input.Code), isPersistent: false, rememberClient: false);
        }
        else if (await users.IsLockedOutAsync(user))
        {
            result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
        }
        else
        {
            // Identity does not count wrong recovery codes; here they count like wrong authenticator codes.
            result = await signInManager.TwoFactorRecoveryCodeSignInAsync(input.Code.Replace(" ", "", StringComparison.Ordinal).Trim());
            if (!result.Succeeded)
            {
                await users.AccessFailedAsync(user);
                result = await users.IsLockedOutAsync(user) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : result;
            }
        }

        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in with a second factor", user.UserName);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
        }

        logger.LogWarning("Wrong second factor for {UserName} (locked out: {LockedOut})", user.UserName, result.IsLockedOut);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ModelState.AddModelError("", result.IsLockedOut
            ? l["Too many wrong codes: the account is locked for {0} minutes.", (int)PasswordPolicy.LockoutDuration.TotalMinutes]
            : l["The code is not correct."]);
        input.Code = "";
        return View(input);
    }

    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    /// <summary>The signed-in user's own password (docs/adr/0029); the only page open while an administrator's reset
    /// requires a new one.</summary>
    [Authorize]
    [HttpGet]
    public IActionResult ChangePassword() => ChangePasswordForm();

    [Authorize]
    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangeOwnPassword.Input input, [FromServices] ChangeOwnPassword.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? ChangePasswordForm(StatusCodes.Status422UnprocessableEntity)
            : await this.Respond(
                await handler.HandleAsync(User, input, cancellationToken),
                () =>
                {
                    TempData["Message"] = l["Your password was changed. Your other sessions have ended."].Value;
                    return LocalRedirect("/");
                },
                () => Task.FromResult<IActionResult>(ChangePasswordForm()),
                l);

    [AllowAnonymous]
    [HttpGet]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>The form again, empty: passwords are never sent back.</summary>
    private ViewResult ChangePasswordForm(int? status = null)
    {
        if (status is { } code)
        {
            Response.StatusCode = code;
        }

        ViewData["Forced"] = User.HasClaim(c => c.Type == PasswordChangeRequirementMiddleware.ClaimType);
        return View("ChangePassword", new ChangeOwnPassword.Input());
    }
}
