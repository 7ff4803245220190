using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.TwoFactor;

/// <summary>The user turns two-factor sign-in off with their password (a wrong one counts towards the lockout);
/// the authenticator key is reset and the session renewed (ADR 0016).</summary>
public static class DisableTwoFactor
{
    public sealed class Input
    {
        public string Password { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Enter your password."]).MaxLength(PasswordPolicy.MaximumLength, l);
    }

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn) : IUseCase
    {
        public static readonly DomainError WrongPassword = new("two-factor.wrong-password", "The password is not correct. Two-factor sign-in stays on.");

        public async Task<Result> HandleAsync(ClaimsPrincipal principal, Input input, CancellationToken cancellationToken)
        {
            if (await users.GetUserAsync(principal) is not { } user
                || !(await signIn.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true)).Succeeded)
            {
                return WrongPassword;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            return Result.Success();
        }
    }
}
