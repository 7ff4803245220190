using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Reviews.Rules;

namespace CustomerProcess.Domain.Contracts;

/// <summary>
/// A structure or specification change reviewed in full again (docs/process.md §6): the contracted order
/// carries the changed lines while the contract is held. When the review ends the change follows it in the
/// same save: approved → the change becomes the contract's new version and the contract is released (a contract
/// performed in full completes and may promote its customer); rejected or withdrawn → the contract is released
/// unchanged and the order gets the contract's lines back.
/// </summary>
public sealed class ChangeUnderReview(ContractChange change, Contract contract, SalesOrder order, Customer customer, int completedContractsBefore, DateOnly today)
    : IReviewedSubject, IContentChangingSubject
{
    /// <summary>A changed content is reviewed in full again: at least the full countersign level.</summary>
    public const ReviewLevel MinimumLevel = ReviewLevel.FullCountersign;

    public ContractChange Change => change;

    public Contract Contract => contract;

    public SalesOrder Order => order;

    public ReviewSubjectKind Kind => ReviewSubjectKind.ContractChange;

    public Guid Id => change.Id;

    /// <summary>The changed lines are on the order: its content version is the one signed.</summary>
    public int ContentVersion => order.ContentVersion;

    /// <summary>The level a change's review opens at: the routed level, raised to <see cref="MinimumLevel"/>.</summary>
    public static ReviewLevel LevelFor(ReviewLevel routed) => routed < MinimumLevel ? MinimumLevel : routed;

    /// <summary>The reasons of a change's review: the change itself, then every routed reason at full level or above.</summary>
    public static IReadOnlyList<RuleFinding> ReasonsFor(ContractChange change, Contract contract, IEnumerable<RuleFinding> routed) =>
        [ChangeRules.ReviewFinding(change.Number, contract.Number), .. routed.Where(r => r.Level >= MinimumLevel)];

    public void MarkContentChanged() => order.MarkContentChanged();

    public Result MayConclude(Review review) => Result.Success();

    public Result FollowReview(Review review, DateTime nowUtc)
    {
        if (change.Status != ChangeStatus.UnderReview)
        {
            return Result.Success();
        }

        var by = review.DecisionByName ?? "system";
        return review.Status switch
        {
            ReviewStatus.InProgress or ReviewStatus.AwaitingApproval => Result.Success(),
            ReviewStatus.Approved => Apply(by, nowUtc),
            ReviewStatus.Rejected or ReviewStatus.Withdrawn => LetGo(by, review.DecisionComment, nowUtc),
        };
    }

    private Result Apply(string by, DateTime nowUtc)
    {
        var applied = change.ReviewApproved(contract, by, nowUtc);
        if (applied.Succeeded && contract.CompleteWhenPerformed(today))
        {
            CustomerPromotion.AfterContractCompleted(customer, completedContractsBefore + 1);
        }

        return applied;
    }

    private Result LetGo(string by, string? reason, DateTime nowUtc)
    {
        var rejected = change.ReviewRejected(contract, by, reason, nowUtc);
        return rejected.Succeeded ? RestoreOrderLines(order, contract) : rejected;
    }

    /// <summary>The order gets the contract's current lines back (the change did not happen).</summary>
    public static Result RestoreOrderLines(SalesOrder order, Contract contract) =>
        order.ReviseContractedLines(ToOrderLines(order, contract.Lines.Select(l => l.ToData()).ToList()));

    /// <summary>Contract lines back into order lines, by position; acceptance criteria stay as captured.</summary>
    public static List<OrderLineData> ToOrderLines(SalesOrder order, IReadOnlyList<ContractLineData> lines)
    {
        var current = order.Lines;
        return lines.Select((l, i) => new OrderLineData(
            l.ProductId, l.Description, l.Specification, l.Quantity, l.Unit, l.UnitPrice, l.DeliveryDate, l.DeliveryPlace, l.Packaging,
            i < current.Count ? current[i].AcceptanceCriteria : null)).ToList();
    }
}
