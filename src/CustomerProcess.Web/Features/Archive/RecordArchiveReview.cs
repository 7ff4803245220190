using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Archive;

/// <summary>The owner (or the sales manager) went through a customer in the six-monthly archive review and keeps it as
/// it is; the date is kept on the customer (docs/process.md §2). A change of class or inactive status are their own acts.</summary>
public static class RecordArchiveReview
{
    public sealed class Input
    {
    }

    public sealed class Validator : AbstractValidator<Input>
    {
    }

    public sealed class Handler(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("customer.not-found", "The customer does not exist.");
        public static readonly DomainError NotOwner = DomainError.Forbidden("archive.review.not-owner", "Only the customer's owner and the sales manager review it.");

        public Task<Result> HandleAsync(Guid customerId, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var user = http.HttpContext!.User;
                var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
                if (customer is null)
                {
                    return Result.Failure(NotFound);
                }

                if (!customer.MayBeEditedBy(user.FindFirstValue(ClaimTypes.NameIdentifier), user.IsInRole(Roles.SalesManager)))
                {
                    return Result.Failure(NotOwner);
                }

                customer.RecordArchiveReview(clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            });
    }
}
