using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Users;

/// <summary>The administrator changes an account's display name, e-mail, department and roles. The user name is
/// fixed once created and no password is set here (posted values are ignored); a form loaded on an older
/// concurrency stamp is refused (<see cref="EditConflicts"/>).</summary>
public static class EditUser
{
    public sealed class Input : UserInput;

    public sealed class Validator(IStringLocalizer<SharedResource> l) : UserInputValidator<Input>(l);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("user.not-found", "The user does not exist.");
        public static readonly DomainError Stale = DomainError.Conflict("user.stale", "Someone else changed this record while you were editing.");

        public async Task<Result> HandleAsync(string userId, Input input, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NotFound;
            }

            if (!string.Equals(input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
            {
                return Stale;
            }

            user.DisplayName = input.DisplayName.Trim();
            user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
            user.DepartmentId = input.DepartmentId;
            var wanted = input.Roles.Distinct().ToList();
            var result = await IdentityWrites.InTransactionAsync(db, async () =>
            {
                var current = await users.GetRolesAsync(user);
                var step = await users.UpdateAsync(user);
                if (step.Succeeded)
                {
                    step = await users.RemoveFromRolesAsync(user, current.Except(wanted));
                }

                return step.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : step;
            }, cancellationToken);

            if (result.Succeeded)
            {
                return Result.Success();
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                db.ChangeTracker.Clear();
                return Stale;
            }

            return IdentityWrites.RefusedBy(result);
        }
    }
}
