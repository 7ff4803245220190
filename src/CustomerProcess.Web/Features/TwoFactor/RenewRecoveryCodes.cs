using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace CustomerProcess.Web.Features.TwoFactor;

/// <summary>New recovery codes for a user with two-factor sign-in on; the old ones stop working (ADR 0016).</summary>
public static class RenewRecoveryCodes
{
    /// <summary>The form posts nothing but its antiforgery token.</summary>
    public sealed class Input;

    public sealed class Validator : AbstractValidator<Input>;

    public sealed class Handler(UserManager<AppUser> users) : IUseCase
    {
        public static readonly DomainError NotOn = DomainError.Conflict("two-factor.not-on", "Two-factor sign-in is off.");

        public async Task<Result<IReadOnlyList<string>>> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: true } user)
            {
                return NotOn;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableTwoFactor.RecoveryCodeCount);
            return Result<IReadOnlyList<string>>.Success((codes ?? []).ToList());
        }
    }
}
