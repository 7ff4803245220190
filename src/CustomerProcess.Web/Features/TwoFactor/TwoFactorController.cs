using System.Text;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.TwoFactor;

public sealed record TwoFactorStatusViewModel(bool Enabled, int RecoveryCodesLeft, bool Required);

public sealed record TwoFactorSetupViewModel(string SharedKey, string QrCodeDataUri, bool Required, EnableTwoFactor.Input Input);

/// <summary>
/// The signed-in user's authenticator app (TOTP, Identity's own authenticator key and recovery codes):
/// set up and enable with a first code, recovery codes shown once, regenerate, disable with the
/// password. Administrators and the general manager must enable it (<see cref="TwoFactorRequirement"/>,
/// docs/adr/0016-two-factor-sign-in.md).
/// </summary>
[Authorize]
public sealed class TwoFactorController(
    UserManager<AppUser> users,
    PendingAuthenticatorKey pendingKey,
    TwoFactorRequirement requirement,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const int RecoveryCodeCount = EnableTwoFactor.RecoveryCodeCount;
    private const string CodesKey = "RecoveryCodes";
    private const string Issuer = "CustomerProcess";

    [HttpGet]
    public async Task<IActionResult> Index()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        return View(new TwoFactorStatusViewModel(user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), requirement.AppliesTo(User)));
    }

    [HttpGet]
    public async Task<IActionResult> Setup()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        return View(SetupModel(user, new EnableTwoFactor.Input()));
    }

    [HttpPost]
    public async Task<IActionResult> Setup(EnableTwoFactor.Input input, [FromServices] EnableTwoFactor.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await SetupFormAsync(StatusCodes.Status422UnprocessableEntity)
            : await this.Respond(
                await handler.HandleAsync(User, input, user => pendingKey.Read(HttpContext, user), cancellationToken),
                codes =>
                {
                    PendingAuthenticatorKey.Forget(HttpContext);
                    TempData[CodesKey] = string.Join(' ', codes);
                    TempData["Message"] = l["Two-factor sign-in is on."].Value;
                    return RedirectToAction(nameof(RecoveryCodes));
                },
                () => SetupFormAsync(),
                l);

    /// <summary>The recovery codes just made, shown once (they travel in the encrypted TempData cookie).</summary>
    [HttpGet]
    public IActionResult RecoveryCodes() =>
        TempData[CodesKey] is string codes
            ? View(codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : RedirectToAction(nameof(Index));

    [HttpPost]
    public async Task<IActionResult> RegenerateRecoveryCodes([FromServices] RenewRecoveryCodes.Handler handler, CancellationToken cancellationToken) =>
        await this.Respond(
            await handler.HandleAsync(User, cancellationToken),
            codes =>
            {
                TempData[CodesKey] = string.Join(' ', codes);
                TempData["Message"] = l["New recovery codes were made; the old ones no longer work."].Value;
                return RedirectToAction(nameof(RecoveryCodes));
            },
            () => Task.FromResult<IActionResult>(RedirectToAction(nameof(Index))),
            l);

    [HttpPost]
    public async Task<IActionResult> Disable(DisableTwoFactor.Input input, [FromServices] DisableTwoFactor.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = DisableTwoFactor.Handler.WrongPassword.Localize(l);
            return RedirectToAction(nameof(Index));
        }

        return await this.RespondByRedirect(await handler.HandleAsync(User, input, cancellationToken), l["Two-factor sign-in is off."], () => RedirectToAction(nameof(Index)), l);
    }

    /// <summary>The set-up form again (a fresh code field), or the status page when two-factor sign-in is on already.</summary>
    private async Task<IActionResult> SetupFormAsync(int? status = null)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (status is { } code)
        {
            Response.StatusCode = code;
        }

        return View("Setup", SetupModel(user, new EnableTwoFactor.Input()));
    }

    /// <summary>The page with the key offered to this browser; nothing is stored until the first code confirms it.</summary>
    private TwoFactorSetupViewModel SetupModel(AppUser user, EnableTwoFactor.Input input)
    {
        var key = pendingKey.Offer(HttpContext, user);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorSetupViewModel(FormatKey(key), QrSvg.DataUri(uri), requirement.AppliesTo(User), input);
    }

    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
