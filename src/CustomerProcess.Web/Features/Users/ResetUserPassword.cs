using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Users;

/// <summary>The administrator sets a new password for an account and lifts its lockout (the failed-attempt count
/// starts again). Everything an administrator's reset does lives here.</summary>
public static class ResetUserPassword
{
    public sealed class Input
    {
        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.NewPassword).Must(PasswordPolicy.IsAcceptable)
                .WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["The two passwords do not match."])
                .MaxLength(PasswordPolicy.MaximumLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users) : IUseCase
    {
        /// <summary>Resets the password of <paramref name="userId"/> and lifts the lockout, in one transaction; the
        /// result is the account's user name.</summary>
        public async Task<Result<string>> HandleAsync(string userId, Input input, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return EditUser.Handler.NotFound;
            }

            var result = await IdentityWrites.InTransactionAsync(db, async () =>
            {
                user.MustChangePassword = true; // the user chooses a new one at the next sign-in (docs/adr/0029)
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var step = await users.ResetPasswordAsync(user, token, input.NewPassword);
                if (step.Succeeded)
                {
                    step = await users.SetLockoutEndDateAsync(user, null);
                }

                return step.Succeeded ? await users.ResetAccessFailedCountAsync(user) : step;
            }, cancellationToken);
            return result.Succeeded ? Result<string>.Success(user.UserName!) : IdentityWrites.RefusedBy(result);
        }
    }
}
