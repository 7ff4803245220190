using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CustomerProcess.Web.Features.Users;

/// <summary>The administrator deactivates an account (it stays, with its history; the user can no longer sign in
/// and their sessions end) or makes it active again. A deactivation must be confirmed; nobody deactivates their own account.</summary>
public static class SetUserActive
{
    public sealed class Handler(AppDbContext db, UserManager<AppUser> users) : IUseCase
    {
        public static readonly DomainError NotConfirmed = new("user.deactivation-unconfirmed", "Tick the box to confirm the deactivation.");
        public static readonly DomainError OwnAccount = new("user.deactivate-self", "You cannot deactivate your own account.");

        /// <summary>The result is the account's user name.</summary>
        public async Task<Result<string>> HandleAsync(string userId, bool makeActive, bool confirmed, string? actingUserId, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return EditUser.Handler.NotFound;
            }

            if (!makeActive && !confirmed)
            {
                return NotConfirmed;
            }

            if (!makeActive && user.Id == actingUserId)
            {
                return OwnAccount;
            }

            user.IsActive = makeActive;
            var result = await IdentityWrites.InTransactionAsync(db, async () =>
            {
                var step = await users.UpdateAsync(user);
                return step.Succeeded ? await users.UpdateSecurityStampAsync(user) : step; // the new stamp ends the user's sessions
            }, cancellationToken);
            return result.Succeeded ? Result<string>.Success(user.UserName!) : IdentityWrites.RefusedBy(result);
        }
    }
}
