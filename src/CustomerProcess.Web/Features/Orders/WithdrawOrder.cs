using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>The salesperson (or the sales manager) withdraws an order: its open review is withdrawn and the order
/// follows it, in one save; a draft is withdrawn directly. The reason is posted as a small form's parameter
/// (its length limited by the action's <c>[MaxLength]</c>, as every small form's).</summary>
public static class WithdrawOrder
{
    public sealed class Handler(AppDbContext db, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError ReasonMissing = new("order.withdraw-reason", "Give the reason for withdrawing the order.");

        public Task<Result> HandleAsync(Guid orderId, string byName, string? posted, CancellationToken cancellationToken)
        {
            var reason = posted?.Trim() ?? "";
            return reason.Length == 0 ? Task.FromResult(Result.Failure(ReasonMissing)) : ConcurrencyRetry.RunAsync(db, async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var order = await db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
                if (order is null)
                {
                    return Result.Failure(SubmitOrderForReview.Handler.NotFound);
                }

                var review = await db.Reviews.Include(r => r.Sections)
                    .FirstOrDefaultAsync(r => r.SubjectKind == ReviewSubjectKind.SalesOrder && r.SubjectId == orderId && r.Status != ReviewStatus.Withdrawn, cancellationToken);
                Result result;
                if (review is not null)
                {
                    var withdrawn = review.Withdraw(byName, reason, now);
                    result = withdrawn.Succeeded ? review.MoveOn(order, now) : withdrawn;
                }
                else
                {
                    result = order.Withdraw(reason, now);
                }

                if (result.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return result;
            });
        }
    }
}
