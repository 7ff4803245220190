using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Delegations;

/// <summary>The head who gave a delegation revokes it (it stays on record, revoked).</summary>
public static class RevokeDelegation
{
    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("delegation.not-found", "The delegation does not exist.");
        public static readonly DomainError NotGiver = DomainError.Forbidden("delegation.not-giver", "Only the head who gave the delegation revokes it.");

        public async Task<Result> HandleAsync(Guid delegationId, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var delegation = await db.DepartmentDelegations.FirstOrDefaultAsync(d => d.Id == delegationId, cancellationToken);
            if (delegation is null)
            {
                return NotFound;
            }

            if (delegation.FromUserId != user.FindFirstValue(ClaimTypes.NameIdentifier))
            {
                return NotGiver;
            }

            delegation.Revoke();
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
