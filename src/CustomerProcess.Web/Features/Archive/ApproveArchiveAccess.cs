using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Archive;

/// <summary>The requester's department head or the archive owner approves an access request; the access opens at the
/// second approval and lasts the days asked (docs/process.md §2). One act gives one approval.</summary>
public static class ApproveArchiveAccess
{
    public enum As
    {
        Head,
        Owner,
    }

    public sealed class Input
    {
        public As As { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => RuleFor(x => x.As).IsInEnum();
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("archive.access.not-found", "The access request does not exist.");

        public Task<Result> HandleAsync(Guid grantId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var user = http.HttpContext!.User;
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                var grant = await db.ArchiveAccessGrants.FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken);
                if (grant is null)
                {
                    return Result.Failure(NotFound);
                }

                var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == grant.CustomerId, cancellationToken);
                var rights = await ArchiveApprovers.RightsAsync(db, grant, customer, user, cancellationToken);
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var approved = input.As == As.Head
                    ? grant.ApproveAsHead(userId, name, rights.AsHead, now)
                    : grant.ApproveAsOwner(userId, name, rights.AsOwner, now);
                if (approved.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return approved;
            });
    }
}
