using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.TwoFactor;

/// <summary>The signed-in user turns two-factor sign-in on with a first code from the authenticator app; new
/// recovery codes are made (shown once) and the session is renewed (enabling renews the security stamp; ADR 0016).</summary>
public static class EnableTwoFactor
{
    public const int RecoveryCodeCount = 10;

    public sealed class Input
    {
        public string Code { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the code."]).MaxLength(AuthenticatorCode.MaximumLength, l);
    }

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("two-factor.no-user", "The account does not exist.");

        public static readonly DomainError AlreadyOn = DomainError.Conflict("two-factor.already-on", "Two-factor sign-in is on.");

        public static readonly DomainError WrongCode = new("two-factor.wrong-code", "The code is not correct. Enter the 6-digit code the app shows now.");

        /// <summary>The recovery codes made, to be shown once.</summary>
        public async Task<Result<IReadOnlyList<string>>> HandleAsync(ClaimsPrincipal principal, Input input, CancellationToken cancellationToken)
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return NotFound;
            }

            if (user.TwoFactorEnabled)
            {
                return AlreadyOn;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var code = AuthenticatorCode.Normalize(input.Code);
            if (await users.GetAuthenticatorKeyAsync(user) is null
                || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                return WrongCode;
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            await signIn.RefreshSignInAsync(user);
            return Result<IReadOnlyList<string>>.Success((codes ?? []).ToList());
        }
    }
}
