using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Users;

/// <summary>What the user use cases share: several Identity writes as one transaction, and Identity's refusals
/// (already localized by <c>LocalizedIdentityErrorDescriber</c>) as one <see cref="DomainError"/>.</summary>
public static class IdentityWrites
{
    /// <summary>Identity refused the change (a taken user name, a password its options refuse…); the argument is
    /// Identity's own localized description.</summary>
    public static readonly DomainError Refused = new("user.identity-refused", "The account was not saved: {0}");

    public static DomainError RefusedBy(IdentityResult result) =>
        Refused.With(string.Join(" ", result.Errors.Select(e => e.Description)));

    /// <summary>Several Identity writes as one transaction. Runs inside the provider's execution strategy:
    /// SQL Server's retrying strategy refuses a transaction opened outside it.</summary>
    public static Task<IdentityResult> InTransactionAsync(AppDbContext db, Func<Task<IdentityResult>> operation, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null
            ? operation() // already inside the create form's transaction (IdempotentCreation), which commits or rolls back
            : db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await operation();
                if (result.Succeeded)
                {
                    await tx.CommitAsync(cancellationToken);
                }
                else
                {
                    await tx.RollbackAsync(cancellationToken);
                }

                return result;
            });
}
