using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>Sales submits a draft order: the rules choose the level and the review opens with one section per
/// required department (docs/process.md §4), in one save.</summary>
public static class SubmitOrderForReview
{
    public sealed class Handler(AppDbContext db, ReviewRouting routing, TimeProvider clock, OpenReview openReview) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("order.not-found", "The order does not exist.");

        public Task<Result<Guid>> HandleAsync(Guid orderId, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var order = await db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
                if (order is null)
                {
                    return Result<Guid>.Failure(NotFound);
                }

                var customer = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => new { c.Class, c.CreditRating, c.CreditLimit }).FirstAsync(cancellationToken);
                var customerClass = customer.Class;
                var submitted = order.Submit(now);
                if (!submitted.Succeeded)
                {
                    return Result<Guid>.Failure(submitted.Error!);
                }

                var (decision, _, thresholds) = await routing.DecideAsync(order, customerClass, cancellationToken);
                var review = await openReview.ForAsync(order, decision, thresholds, now, order.SalesUserId, cancellationToken);
                review.RecordCustomerAtSubmission(customerClass, customer.CreditRating, customer.CreditLimit); // what the rules used (issue #16)
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(review.Id);
            });
    }
}
