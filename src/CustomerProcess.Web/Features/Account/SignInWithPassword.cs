using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Account;

/// <summary>
/// Someone signs in with a user name and password. The per-name limit (<see cref="LoginThrottle"/>, shared by every
/// instance) is counted first and refuses with <see cref="ErrorKind.TooManyAttempts"/> (429); the password is then
/// checked under Identity's lockout by <see cref="AppSignInManager"/> (one full hash whatever the name, so the time
/// taken tells nothing). An unknown name, a wrong password, a locked and a deactivated account all get one message
/// (issue #21, finding 8). An account with two-factor sign-in goes on to <see cref="SignInWithSecondFactor"/>.
/// </summary>
public static class SignInWithPassword
{
    public sealed class Input
    {
        public string UserName { get; set; } = "";

        public string Password { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Enter your user name."]).MaxLength(InputLimits.UserNameLength, l);
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Enter your password."]).MaxLength(PasswordPolicy.MaximumLength, l);
            RuleFor(x => x.ReturnUrl).MaxLength(InputLimits.UrlLength, l);
        }
    }

    /// <summary>What a correct password leads to.</summary>
    public enum Outcome
    {
        SignedIn,
        SecondFactorRequired,
    }

    public sealed class Handler(SignInManager<AppUser> signInManager, LoginThrottle throttle, ILogger<Handler> logger) : IUseCase
    {
        public static readonly DomainError Throttled = DomainError.TooManyAttempts(
            "account.sign-in-throttled", "Too many sign-in attempts for this user name. Please wait a minute and try again.");

        public static readonly DomainError Refused = new(
            "account.sign-in-refused", "The user name or password is not correct. After {0} failed attempts an account is locked for {1} minutes.");

        public async Task<Result<Outcome>> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            if (!await throttle.TryAcquireAsync(input.UserName, cancellationToken))
            {
                logger.LogWarning("Sign-in attempts for {UserName} over the per-name limit", input.UserName);
                return Throttled;
            }

            var result = await signInManager.PasswordSignInAsync(input.UserName.Trim(), input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("User {UserName} signed in", input.UserName);
                return Result<Outcome>.Success(Outcome.SignedIn);
            }

            if (result.RequiresTwoFactor)
            {
                return Result<Outcome>.Success(Outcome.SecondFactorRequired);
            }

            logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", input.UserName, result.IsLockedOut);
            return Refused.With(PasswordPolicy.MaxFailedAttempts, (int)PasswordPolicy.LockoutDuration.TotalMinutes);
        }
    }
}
