using System.Text;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.TwoFactor;

public sealed class TwoFactorCodeInput
{
    public string Code { get; set; } = "";
}

public sealed class TwoFactorCodeInputValidator : AbstractValidator<TwoFactorCodeInput>
{
    public TwoFactorCodeInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the code."]).MaxLength(AuthenticatorCode.MaximumLength, l);
}

public sealed class DisableTwoFactorInput
{
    public string Password { get; set; } = "";
}

public sealed class DisableTwoFactorInputValidator : AbstractValidator<DisableTwoFactorInput>
{
    public DisableTwoFactorInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Enter your password."]).MaxLength(PasswordPolicy.MaximumLength, l);
}

public sealed record TwoFactorStatusViewModel(bool Enabled, int RecoveryCodesLeft, bool Required);

public sealed record TwoFactorSetupViewModel(string SharedKey, string QrCodeDataUri, bool Required, TwoFactorCodeInput Input);

/// <summary>
/// The signed-in user's authenticator app (TOTP, Identity's own authenticator key and recovery codes):
/// set up and enable with a first code, recovery codes shown once, regenerate, disable with the
/// password. Administrators and the general manager must enable it (<see cref="TwoFactorRequirement"/>,
/// docs/adr/0016-two-factor-sign-in.md).
/// </summary>
[Authorize]
public sealed class TwoFactorController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TwoFactorRequirement requirement,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const int RecoveryCodeCount = 10;
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

        return View(await SetupModelAsync(user, new TwoFactorCodeInput()));
    }

    [HttpPost]
    public async Task<IActionResult> Setup(TwoFactorCodeInput input)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (ModelState.IsValid)
        {
            var code = AuthenticatorCode.Normalize(input.Code);
            if (await users.GetAuthenticatorKeyAsync(user) is not null
                && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
                await signIn.RefreshSignInAsync(user); // enabling renews the security stamp
                TempData[CodesKey] = string.Join(' ', codes ?? []);
                TempData["Message"] = l["Two-factor sign-in is on."].Value;
                return RedirectToAction(nameof(RecoveryCodes));
            }

            ModelState.AddModelError(nameof(input.Code), l["The code is not correct. Enter the 6-digit code the app shows now."]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await SetupModelAsync(user, new TwoFactorCodeInput()));
    }

    /// <summary>The recovery codes just made, shown once (they travel in the encrypted TempData cookie).</summary>
    [HttpGet]
    public IActionResult RecoveryCodes() =>
        TempData[CodesKey] is string codes
            ? View(codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : RedirectToAction(nameof(Index));

    [HttpPost]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[CodesKey] = string.Join(' ', codes ?? []);
        TempData["Message"] = l["New recovery codes were made; the old ones no longer work."].Value;
        return RedirectToAction(nameof(RecoveryCodes));
    }

    [HttpPost]
    public async Task<IActionResult> Disable(DisableTwoFactorInput input)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid || !(await signIn.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true)).Succeeded)
        {
            TempData["Error"] = l["The password is not correct. Two-factor sign-in stays on."].Value;
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = l["Two-factor sign-in is off."].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<TwoFactorSetupViewModel> SetupModelAsync(AppUser user, TwoFactorCodeInput input)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // a new key renews the security stamp
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

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
