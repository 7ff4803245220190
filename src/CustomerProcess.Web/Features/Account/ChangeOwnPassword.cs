using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Account;

/// <summary>
/// The signed-in user changes their own password — the password that signs reviews too. The current
/// password is checked under the sign-in lockout; the new hash and a new security stamp are written in
/// one update of the account row (audited, the hash masked), which ends the user's other sessions on
/// their next request (docs/adr/0015); this session is signed in again. Clears the administrator's
/// "must change the password" flag (docs/adr/0029).
/// </summary>
public static class ChangeOwnPassword
{
    public sealed class Input
    {
        public string CurrentPassword { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => l["Enter your current password."]).MaxLength(PasswordPolicy.MaximumLength, l);
            RuleFor(x => x.NewPassword).Must(PasswordPolicy.IsAcceptable)
                .WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["The two passwords do not match."])
                .MaxLength(PasswordPolicy.MaximumLength, l);
        }
    }

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignatureCredentials credentials, SignatureCredentialCache cache) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("account.not-found", "The account does not exist.");

        public static readonly DomainError WrongPassword = new("account.wrong-password", "The current password is not correct.");

        public static readonly DomainError LockedOut = new("account.locked-out", "Too many wrong passwords: the account is locked for {0} minutes.");

        public static readonly DomainError SamePassword = new("account.same-password", "Choose a new password that differs from the current one.");

        public static readonly DomainError Refused = new("account.password-refused", "The new password was not accepted: {0}");

        public async Task<Result> HandleAsync(ClaimsPrincipal principal, Input input, CancellationToken cancellationToken)
        {
            if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            {
                return NotFound;
            }

            var (check, user) = await credentials.VerifyAsync(userId, input.CurrentPassword);
            switch (check)
            {
                case CredentialCheck.LockedOut:
                    return LockedOut.With((int)PasswordPolicy.LockoutDuration.TotalMinutes);
                case CredentialCheck.WrongPassword:
                    return WrongPassword;
                case CredentialCheck.Verified:
                    break;
            }

            if (string.Equals(input.CurrentPassword, input.NewPassword, StringComparison.Ordinal))
            {
                return SamePassword;
            }

            cancellationToken.ThrowIfCancellationRequested();
            user!.MustChangePassword = false;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // One update of the row: the new hash, a new security stamp, the flag cleared.
            var changed = await users.ResetPasswordAsync(user, token, input.NewPassword);
            if (!changed.Succeeded)
            {
                return Refused.With(string.Join(" ", changed.Errors.Select(e => e.Description)));
            }

            cache.Forget(user.Id);
            await signIn.RefreshSignInAsync(user);
            return Result.Success();
        }
    }
}
