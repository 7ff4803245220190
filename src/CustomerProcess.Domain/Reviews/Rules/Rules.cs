using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;

namespace CustomerProcess.Domain.Reviews.Rules;

/// <summary>Amount ≥ meeting threshold: review meeting; ≥ full threshold: full countersign.</summary>
public sealed class AmountRule : IReviewRule
{
    public RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds)
    {
        if (facts.Amount >= thresholds.ReviewMeetingAmount)
        {
            return new(ReviewLevel.ReviewMeeting, "amount {0} ≥ {1}", facts.Amount, thresholds.ReviewMeetingAmount);
        }

        if (facts.Amount >= thresholds.FullReviewAmount)
        {
            return new(ReviewLevel.FullCountersign, "amount {0} ≥ {1}", facts.Amount, thresholds.FullReviewAmount);
        }

        return null;
    }
}

/// <summary>A new customer or a first order needs the full countersign review.</summary>
public sealed class NewCustomerRule : IReviewRule
{
    public RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds) =>
        facts.CustomerClass is CustomerClass.New or CustomerClass.Prospect
            ? new(ReviewLevel.FullCountersign, "new customer / first order")
            : null;
}

/// <summary>New products and redesigns need full review; a stable product under new conditions needs a meeting.</summary>
public sealed class ProductNoveltyRule : IReviewRule
{
    public RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds) => facts.Novelty switch
    {
        ProductNovelty.NewProduct => new(ReviewLevel.FullCountersign, "new product, first production"),
        ProductNovelty.Redesign => new(ReviewLevel.FullCountersign, "product needs (re)design"),
        ProductNovelty.StableNewConditions => new(ReviewLevel.ReviewMeeting, "stable product first used under new conditions"),
        ProductNovelty.Standard => null,
        ProductNovelty.RepeatReviewed => null,
    };
}

public sealed class OemRule : IReviewRule
{
    public RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds) =>
        facts.IsOem ? new(ReviewLevel.FullCountersign, "OEM order") : null;
}

public sealed class ForeignTradeRule : IReviewRule
{
    public RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds) =>
        facts.IsForeignTrade ? new(ReviewLevel.FullCountersign, "foreign trade order") : null;
}

public sealed class SpecialRequirementsRule : IReviewRule
{
    public RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds) =>
        facts.HasSpecialRequirements ? new(ReviewLevel.FullCountersign, "special technical or delivery requirements") : null;
}

/// <summary>
/// The baseline: a repeat order of products already reviewed for a regular customer, where only
/// quantity, date or price differ, is an order confirmation; any other order starts at simplified.
/// </summary>
public sealed class BaselineRule : IReviewRule
{
    public RuleFinding? Evaluate(OrderFacts facts, ReviewThresholds thresholds)
    {
        var repeat = facts.IsRepeatOfReviewedProducts
            && facts.CustomerClass == CustomerClass.Regular
            && facts.Novelty is ProductNovelty.Standard or ProductNovelty.RepeatReviewed;
        return repeat
            ? new(ReviewLevel.Confirmation, "repeat order of reviewed products for a regular customer; only quantity, date or price differ")
            : new(ReviewLevel.Simplified, "amount {0} < {1}", facts.Amount, thresholds.FullReviewAmount);
    }
}
