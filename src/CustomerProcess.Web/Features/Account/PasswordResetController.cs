using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Account;

/// <summary>Forgot password by e-mail link (ADR 0024): anonymous, rate-limited like the sign-in; the same answer for
/// known and unknown names; the link works once and expires.</summary>
[AllowAnonymous]
[Route("PasswordReset")]
public sealed class PasswordResetController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Views = "~/Features/Account/";

    [HttpGet("")]
    public IActionResult Index() => View(Views + "ForgotPassword.cshtml", new RequestPasswordReset.Input());

    [HttpPost("")]
    [EnableRateLimiting(CustomerProcessSetup.LoginRateLimitPolicy)]
    public async Task<IActionResult> Index(RequestPasswordReset.Input input, [FromServices] RequestPasswordReset.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Invalid(View(Views + "ForgotPassword.cshtml", input))
            : await this.Respond(await handler.HandleAsync(input, cancellationToken), () => RedirectToAction(nameof(Sent)), () => Task.FromResult<IActionResult>(View(Views + "ForgotPassword.cshtml", input)), l);

    [HttpGet("Sent")]
    public IActionResult Sent() => View(Views + "ForgotPasswordSent.cshtml");

    [HttpGet("Reset")]
    public async Task<IActionResult> Reset(string? token, [FromServices] AppDbContext db, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await ResetPasswordByLink.Handler.IsUsableAsync(db, token, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View(Views + "ResetPasswordInvalid.cshtml");
        }

        return View(Views + "ResetPassword.cshtml", new ResetPasswordByLink.Input { Token = token! });
    }

    [HttpPost("Reset")]
    [EnableRateLimiting(CustomerProcessSetup.LoginRateLimitPolicy)]
    public async Task<IActionResult> Reset(ResetPasswordByLink.Input input, [FromServices] ResetPasswordByLink.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Invalid(View(Views + "ResetPassword.cshtml", Blank(input)))
            : await this.Respond(await handler.HandleAsync(input, cancellationToken), () => RedirectToAction(nameof(Done)), () => Task.FromResult<IActionResult>(View(Views + "ResetPassword.cshtml", Blank(input))), l);

    [HttpGet("Done")]
    public IActionResult Done() => View(Views + "ResetPasswordDone.cshtml");

    private static ResetPasswordByLink.Input Blank(ResetPasswordByLink.Input input) => new() { Token = input.Token };

    private IActionResult Invalid(IActionResult view)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return view;
    }
}
