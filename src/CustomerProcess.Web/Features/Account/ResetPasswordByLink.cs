using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Account;

/// <summary>
/// The forgot-password link sets a new password: the link must be unused and unexpired; using it marks it used and
/// sets the password (Identity also changes the security stamp, so other sign-ins end) in one save.
/// </summary>
public static class ResetPasswordByLink
{
    public static readonly DomainError InvalidLink = new("password-reset.invalid", "This link is not valid: it was used already or has expired. Ask for a new one.");
    public static readonly DomainError Refused = new("password-reset.refused", "The new password was not accepted. Choose another one.");

    public sealed class Input
    {
        public string Token { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Token).NotEmpty().WithMessage(_ => l["This link is not valid: it was used already or has expired. Ask for a new one."]).MaxLength(PasswordResetTokens.TokenLength, l);
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => l["Enter the new password."])
                .MinimumLength(PasswordPolicy.MinimumLength).WithMessage(_ => l["The password must have at least {0} characters.", PasswordPolicy.MinimumLength])
                .MaxLength(PasswordPolicy.MaximumLength, l);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["The two passwords differ."]).MaxLength(PasswordPolicy.MaximumLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : IUseCase
    {
        public static Task<bool> IsUsableAsync(AppDbContext db, string? token, DateTime nowUtc, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(token) || token.Length > PasswordResetTokens.TokenLength)
            {
                return Task.FromResult(false);
            }

            var hash = PasswordResetTokens.Hash(token);
            return db.PasswordResetRequests.AnyAsync(r => r.TokenHash == hash && r.UsedAtUtc == null && r.ExpiresAtUtc > nowUtc, cancellationToken);
        }

        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var hash = PasswordResetTokens.Hash(input.Token);
            var request = await db.PasswordResetRequests.FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
            var user = request is null ? null : await users.FindByIdAsync(request.UserId);
            if (request is null || !request.IsUsable(now) || user is null || !user.IsActive)
            {
                return Result.Failure(InvalidLink);
            }

            // Marked used in the same save as the new password: Identity's update saves this context once.
            request.Use(now);
            var identityToken = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, identityToken, input.NewPassword);
            return reset.Succeeded ? Result.Success() : Result.Failure(Refused);
        }
    }
}
