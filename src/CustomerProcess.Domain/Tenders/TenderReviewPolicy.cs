using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Reviews.Rules;

namespace CustomerProcess.Domain.Tenders;

/// <summary>The tender review setting (CNY): bids under it are reviewed inside the business unit and concluded by
/// its head; at or above it, full review with the general manager's approval (docs/process.md §4.1).</summary>
public sealed record TenderThresholds(decimal FullReviewAmount)
{
    public static TenderThresholds Default { get; } = new(3_000_000m);

    public bool IsValid => FullReviewAmount > 0;
}

/// <summary>The tender review setting an administrator maintains (one row, audited on change); a review keeps
/// the value it was routed under.</summary>
public sealed class TenderPolicySetting : BusinessRecord
{
    public static readonly DomainError Invalid = new("tender-policy.invalid", "The tender threshold must be above zero.");

    private TenderPolicySetting()
    {
    }

    public TenderPolicySetting(TenderThresholds thresholds) => FullReviewAmount = thresholds.FullReviewAmount;

    public decimal FullReviewAmount { get; private set; }

    public TenderThresholds Thresholds => new(FullReviewAmount);

    public Result Change(TenderThresholds thresholds)
    {
        if (!thresholds.IsValid)
        {
            return Invalid;
        }

        FullReviewAmount = thresholds.FullReviewAmount;
        return Result.Success();
    }
}

/// <summary>Where a tender review goes: its level, the reasons (shown like the order rules'), who signs, and
/// whether the business-unit head concludes it or the general manager approves it.</summary>
public sealed record TenderReviewRoute(
    TenderReviewStage Stage,
    ReviewLevel Level,
    IReadOnlyList<RuleFinding> Reasons,
    IReadOnlyList<string> Departments,
    bool ConcludedByBusinessUnitHead)
{
    public bool RequiresGeneralManager => !ConcludedByBusinessUnitHead;
}

/// <summary>Routes the go/no-go review (by the estimated amount) and the bid review (by the bid amount).</summary>
public static class TenderReviewPolicy
{
    /// <summary>Who signs an internal (business-unit) tender review.</summary>
    public static IReadOnlyList<string> InternalDepartments { get; } =
        [ReviewDepartments.Sales, ReviewDepartments.Production, ReviewDepartments.Technical];

    /// <summary>Who signs a full tender review.</summary>
    public static IReadOnlyList<string> FullDepartments { get; } =
    [
        ReviewDepartments.Sales, ReviewDepartments.Quality, ReviewDepartments.Production,
        ReviewDepartments.Purchasing, ReviewDepartments.Technical, ReviewDepartments.Finance,
    ];

    public const string InternalReason = "tender amount {0} < {1}: reviewed inside the business unit, concluded by the business-unit head";
    public const string FullReason = "tender amount {0} ≥ {1}: full review with the general manager's approval";
    public const string GoNoGoReason = "go/no-go on the invitation to tender, by the estimated amount";
    public const string BidReason = "review of the bid before it is submitted, by the bid amount";

    /// <summary>The thresholds a tender review keeps (the engine's snapshot): the full-review amount is the tender
    /// threshold. A tender review is never routed to a meeting, so the meeting amount is no setting: it only has to lie
    /// above the full-review amount for the snapshot to be valid, and the form does not show it (<see cref="RoutingThresholds"/>).</summary>
    public static ReviewThresholds Snapshot(TenderThresholds thresholds) =>
        ReviewThresholds.Default with { FullReviewAmount = thresholds.FullReviewAmount, ReviewMeetingAmount = thresholds.FullReviewAmount * 10 };

    public static TenderReviewRoute Decide(TenderReviewStage stage, decimal amount, TenderThresholds thresholds)
    {
        var stageReason = stage switch
        {
            TenderReviewStage.GoNoGo => new RuleFinding(ReviewLevel.Simplified, GoNoGoReason),
            TenderReviewStage.Bid => new RuleFinding(ReviewLevel.Simplified, BidReason),
        };
        if (amount >= thresholds.FullReviewAmount)
        {
            return new(stage, ReviewLevel.FullCountersign,
                [new RuleFinding(ReviewLevel.FullCountersign, FullReason, amount, thresholds.FullReviewAmount), stageReason],
                FullDepartments, ConcludedByBusinessUnitHead: false);
        }

        return new(stage, ReviewLevel.Simplified,
            [new RuleFinding(ReviewLevel.Simplified, InternalReason, amount, thresholds.FullReviewAmount), stageReason],
            InternalDepartments, ConcludedByBusinessUnitHead: true);
    }
}
