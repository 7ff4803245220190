using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>Gathers an order's facts from the database and asks the review policy for a level.</summary>
public sealed class ReviewRouting(AppDbContext db)
{
    public const string BidReviewedReason = "bid reviewed in tender {0} ({1}, concluded by {2}, {3})";

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
        var decision = ReviewPolicy.Standard.Decide(facts, thresholds);
        return (await WithReviewedBidAsync(order, decision, cancellationToken), facts, thresholds);
    }

    /// <summary>An order made from a won tender: its review shows that the bid was reviewed (ADR 0020). The level stays
    /// the order's own (never lowered).</summary>
    private async Task<ReviewDecision> WithReviewedBidAsync(SalesOrder order, ReviewDecision decision, CancellationToken cancellationToken)
    {
        if (order.TenderId is null)
        {
            return decision;
        }

        var bid = await (from review in db.Reviews
                         join tender in db.Tenders on review.SubjectId equals tender.Id
                         where review.SubjectKind == ReviewSubjectKind.Bid && review.SubjectId == order.TenderId && review.Status == ReviewStatus.Approved
                         orderby review.OpenedAtUtc descending
                         select new { tender.Number, review.Level, review.DecisionByName, review.DecidedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (bid is null)
        {
            return decision;
        }

        var finding = new Domain.Reviews.Rules.RuleFinding(decision.Level, BidReviewedReason, bid.Number, Infrastructure.ReasonText.LevelArgument(bid.Level), bid.DecisionByName ?? "",
            bid.DecidedAtUtc is { } at ? Infrastructure.Formatting.LocalTime(at) : "");
        return decision with { Reasons = [.. decision.Reasons, finding] };
    }
}
