using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Account;

/// <summary>Signing in and out (<see cref="SignInWithPassword"/>, <see cref="SignInWithSecondFactor"/>,
/// <see cref="EndSession"/>) and the user's own password (<see cref="ChangeOwnPassword"/>).</summary>
public sealed class AccountController(IStringLocalizer<SharedResource> l) : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new SignInWithPassword.Input { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(CustomerProcessSetup.LoginRateLimitPolicy)]
    public async Task<IActionResult> Login(SignInWithPassword.Input input, [FromServices] SignInWithPassword.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? View(input)
            : await this.Respond(
                await handler.HandleAsync(input, cancellationToken),
                outcome => outcome == SignInWithPassword.Outcome.SecondFactorRequired
                    ? RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = LocalOrNull(input.ReturnUrl) })
                    : LocalRedirect(LocalOrNull(input.ReturnUrl) ?? "/"),
                () =>
                {
                    input.Password = "";
                    return Task.FromResult<IActionResult>(View(input));
                },
                l);

    /// <summary>The second step for an account with two-factor sign-in: an authenticator code or a recovery code.</summary>
    [AllowAnonymous]
    [HttpGet]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl, [FromServices] SignInWithSecondFactor.Handler handler) =>
        await handler.IsPendingAsync()
            ? View(new SignInWithSecondFactor.Input { ReturnUrl = returnUrl })
            : RedirectToAction(nameof(Login));

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(CustomerProcessSetup.LoginRateLimitPolicy)]
    public async Task<IActionResult> LoginTwoFactor(SignInWithSecondFactor.Input input, [FromServices] SignInWithSecondFactor.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.IsPendingAsync())
        {
            return RedirectToAction(nameof(Login));
        }

        return !ModelState.IsValid
            ? View(input)
            : await this.Respond(
                await handler.HandleAsync(input, cancellationToken),
                () => LocalRedirect(LocalOrNull(input.ReturnUrl) ?? "/"),
                () =>
                {
                    input.Code = "";
                    return Task.FromResult<IActionResult>(View(input));
                },
                l);
    }

    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> Logout([FromServices] EndSession.Handler handler) =>
        await this.Respond(await handler.HandleAsync(), () => RedirectToAction(nameof(Login)), () => Task.FromResult<IActionResult>(RedirectToAction(nameof(Login))), l);

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

    private string? LocalOrNull(string? url) => Url.IsLocalUrl(url) ? url : null;
}
