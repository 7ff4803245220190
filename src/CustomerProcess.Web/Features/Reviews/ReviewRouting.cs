using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>Gathers an order's facts from the database and asks the review policy for a level.</summary>
public sealed class ReviewRouting(AppDbContext db)
{
    public async Task<ReviewThresholds> ThresholdsAsync(CancellationToken cancellationToken) =>
        (await db.ReviewPolicySettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Thresholds ?? ReviewThresholds.Default;

    /// <summary>
    /// A repeat order: every line is a catalogue product with the same specification as a line of an
    /// earlier order of this customer that was reviewed and became a contract (only quantity, date or
    /// price may differ).
    /// </summary>
    public async Task<bool> IsRepeatOfReviewedProductsAsync(SalesOrder order, CancellationToken cancellationToken)
    {
        var lines = order.Lines;
        if (lines.Count == 0 || lines.Any(l => l.ProductId is null))
        {
            return false;
        }

        var productIds = lines.Select(l => l.ProductId!.Value).Distinct().ToList();
        var earlier = await (
                from line in db.OrderLines
                join previous in db.SalesOrders on line.OrderId equals previous.Id
                where previous.CustomerId == order.CustomerId && previous.Id != order.Id
                      && previous.Status == OrderStatus.Contracted && !line.IsRemoved
                      && line.ProductId != null && productIds.Contains(line.ProductId.Value)
                select new { ProductId = line.ProductId!.Value, line.Specification })
            .Distinct()
            .ToListAsync(cancellationToken);

        return lines.All(l => earlier.Any(e => e.ProductId == l.ProductId && string.Equals(e.Specification ?? "", l.Specification ?? "", StringComparison.Ordinal)));
    }

    public async Task<(ReviewDecision Decision, OrderFacts Facts, ReviewThresholds Thresholds)> DecideAsync(
        SalesOrder order, CustomerClass customerClass, CancellationToken cancellationToken)
    {
        var thresholds = await ThresholdsAsync(cancellationToken);
        var facts = OrderFacts.From(order, customerClass, await IsRepeatOfReviewedProductsAsync(order, cancellationToken));
        return (ReviewPolicy.Standard.Decide(facts, thresholds), facts, thresholds);
    }
}
