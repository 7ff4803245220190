namespace CustomerProcess.Domain.Reviews;

/// <summary>
/// The policy settings the rules use (CNY). Defaults from the procedures; an administrator can
/// change them, and a review keeps the values it was routed under.
/// </summary>
public sealed record ReviewThresholds(decimal FullReviewAmount, decimal ReviewMeetingAmount, decimal BillOfLadingAmount)
{
    public static ReviewThresholds Default { get; } = new(200_000m, 1_000_000m, 10_000m);

    public bool IsValid => FullReviewAmount > 0 && ReviewMeetingAmount > FullReviewAmount && BillOfLadingAmount >= 0;
}
