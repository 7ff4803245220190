using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;

namespace CustomerProcess.Domain.Reviews;

/// <summary>The facts of an order that the review-level rules look at.</summary>
public sealed record OrderFacts(
    decimal Amount,
    CustomerClass CustomerClass,
    OrderChannel Channel,
    ProductNovelty Novelty,
    bool IsOem,
    bool IsForeignTrade,
    bool HasSpecialRequirements,
    bool HasNonStandardClauses,
    bool InvolvesSiteWork,
    bool IsRepeatOfReviewedProducts)
{
    public static OrderFacts From(SalesOrder order, CustomerClass customerClass, bool isRepeatOfReviewedProducts) => new(
        order.Total,
        customerClass,
        order.Channel,
        order.Novelty,
        order.IsOem,
        order.IsForeignTrade,
        order.HasSpecialRequirements,
        order.HasNonStandardClauses,
        order.InvolvesSiteWork,
        isRepeatOfReviewedProducts);
}
