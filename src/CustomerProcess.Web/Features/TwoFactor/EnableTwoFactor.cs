using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.TwoFactor;

/// <summary>The signed-in user turns two-factor sign-in on with a first code from the authenticator app for the key the
/// set-up page offered (<see cref="PendingAuthenticatorKey"/>); only now is the key stored, with the switch, new recovery
/// codes are made (shown once) and the session is renewed (enabling renews the security stamp; ADR 0016).</summary>
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

    public sealed class Handler(UserManager<AppUser> users, IUserStore<AppUser> store, SignInManager<AppUser> signIn, AppDbContext db) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("two-factor.no-user", "The account does not exist.");

        public static readonly DomainError AlreadyOn = DomainError.Conflict("two-factor.already-on", "Two-factor sign-in is on.");

        public static readonly DomainError WrongCode = new("two-factor.wrong-code", "The code is not correct. Enter the 6-digit code the app shows now.");

        /// <summary>This browser was offered no key (its cookie is gone): the page offers one again.</summary>
        public static readonly DomainError NoKeyOffered = new("two-factor.no-key", "Scan the key this page shows now, then enter the code the app shows for it.");

        /// <summary>The recovery codes made, to be shown once.</summary>
        /// <param name="offeredKey">The key the set-up page showed this browser (<see cref="PendingAuthenticatorKey.Read"/>).</param>
        public async Task<Result<IReadOnlyList<string>>> HandleAsync(ClaimsPrincipal principal, Input input, Func<AppUser, string?> offeredKey, CancellationToken cancellationToken)
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return NotFound;
            }

            if (user.TwoFactorEnabled)
            {
                return AlreadyOn;
            }

            if (offeredKey(user) is not { } key)
            {
                return NoKeyOffered;
            }

            cancellationToken.ThrowIfCancellationRequested();
            // The offered key, tracked but not saved: Identity's authenticator provider reads it from the store to check
            // the code, and it is saved with the switch below — or, on a wrong code, never.
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalize(input.Code)))
            {
                db.ChangeTracker.Clear();
                return WrongCode;
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            await signIn.RefreshSignInAsync(user);
            return Result<IReadOnlyList<string>>.Success((codes ?? []).ToList());
        }
    }
}
