using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace CustomerProcess.Web.Features.Account;

/// <summary>
/// The second step for an account with two-factor sign-in (ADR 0016), after <see cref="SignInWithPassword"/>: an
/// authenticator code or a recovery code. A wrong code of either kind counts towards the lockout, and a locked-out
/// account is refused even the right code.
/// </summary>
public static class SignInWithSecondFactor
{
    public sealed class Input
    {
        public string Code { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the code."]).MaxLength(AuthenticatorCode.MaximumLength, l);
            RuleFor(x => x.ReturnUrl).MaxLength(InputLimits.UrlLength, l);
        }
    }

    public sealed class Handler(SignInManager<AppUser> signInManager, ILogger<Handler> logger) : IUseCase
    {
        /// <summary>No password step is pending in this browser (it expired, or never happened).</summary>
        public static readonly DomainError NotPending = DomainError.NotFound("account.no-pending-sign-in", "Sign in with your password first.");

        public static readonly DomainError WrongCode = new("account.wrong-code", "The code is not correct.");

        public static readonly DomainError LockedOut = new("account.codes-locked-out", "Too many wrong codes: the account is locked for {0} minutes.");

        /// <summary>Whether this browser has passed the password step (a read of the two-factor cookie).</summary>
        public async Task<bool> IsPendingAsync() => await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;

        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
            {
                return NotPending;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var users = signInManager.UserManager;
            IdentitySignInResult result;
            if (AuthenticatorCode.IsAuthenticatorCode(input.Code))
            {
                // Identity counts a wrong code towards the lockout and refuses a locked-out user.
                result = await signInManager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalize(input.Code), isPersistent: false, rememberClient: false);
            }
            else if (await users.IsLockedOutAsync(user))
            {
                result = IdentitySignInResult.LockedOut;
            }
            else
            {
                // Identity does not count wrong recovery codes; here they count like wrong authenticator codes.
                result = await signInManager.TwoFactorRecoveryCodeSignInAsync(input.Code.Replace(" ", "", StringComparison.Ordinal).Trim());
                if (!result.Succeeded)
                {
                    await users.AccessFailedAsync(user);
                    result = await users.IsLockedOutAsync(user) ? IdentitySignInResult.LockedOut : result;
                }
            }

            if (result.Succeeded)
            {
                logger.LogInformation("User {UserName} signed in with a second factor", user.UserName);
                return Result.Success();
            }

            logger.LogWarning("Wrong second factor for {UserName} (locked out: {LockedOut})", user.UserName, result.IsLockedOut);
            return result.IsLockedOut ? LockedOut.With((int)PasswordPolicy.LockoutDuration.TotalMinutes) : WrongCode;
        }
    }
}
