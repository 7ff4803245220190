using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Reviews;

/// <summary>The review policy thresholds an administrator maintains (one row, audited on change).
/// Orders submitted afterwards use the new values; a review keeps the values it was routed under.</summary>
public sealed class ReviewPolicySetting : BusinessRecord
{
    public static readonly DomainError Invalid = new("policy.invalid", "Thresholds must be positive and the meeting threshold above the full-review threshold.");

    private ReviewPolicySetting()
    {
    }

    public ReviewPolicySetting(ReviewThresholds thresholds) => Apply(thresholds);

    public decimal FullReviewAmount { get; private set; }

    public decimal ReviewMeetingAmount { get; private set; }

    public decimal BillOfLadingAmount { get; private set; }

    public ReviewThresholds Thresholds => new(FullReviewAmount, ReviewMeetingAmount, BillOfLadingAmount);

    public Result Change(ReviewThresholds thresholds)
    {
        if (!thresholds.IsValid)
        {
            return Invalid;
        }

        Apply(thresholds);
        return Result.Success();
    }

    private void Apply(ReviewThresholds thresholds)
    {
        FullReviewAmount = thresholds.FullReviewAmount;
        ReviewMeetingAmount = thresholds.ReviewMeetingAmount;
        BillOfLadingAmount = thresholds.BillOfLadingAmount;
    }
}
