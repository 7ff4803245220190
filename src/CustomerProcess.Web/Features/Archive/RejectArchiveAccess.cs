using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Archive;

/// <summary>The head or the owner refuses an access request, the owner ends an access early, or the requester withdraws.</summary>
public static class RejectArchiveAccess
{
    public sealed class Input
    {
    }

    public sealed class Validator : AbstractValidator<Input>
    {
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid grantId, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var user = http.HttpContext!.User;
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                var grant = await db.ArchiveAccessGrants.FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken);
                if (grant is null)
                {
                    return Result.Failure(ApproveArchiveAccess.Handler.NotFound);
                }

                var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == grant.CustomerId, cancellationToken);
                var rights = await ArchiveApprovers.RightsAsync(db, grant, customer, user, cancellationToken);
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var rejected = grant.Reject(userId, name, rights.AsHead, rights.AsOwner, clock.GetUtcNow().UtcDateTime);
                if (rejected.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return rejected;
            });
    }
}
