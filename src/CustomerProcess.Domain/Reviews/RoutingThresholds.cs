using CustomerProcess.Domain.Tenders;

namespace CustomerProcess.Domain.Reviews;

/// <summary>A line of the review form saying which policy amounts the review was routed under: a message key and
/// the amounts it shows, in order.</summary>
public sealed record ThresholdNote(string MessageKey, IReadOnlyList<decimal> Amounts);

/// <summary>
/// What the review form says about the thresholds a review kept when it was routed. An order or a change was
/// routed by the review policy (full review, review meeting). A tender review was routed by the tender threshold
/// only (docs/process.md §4.1): it shows that one amount; the meeting amount of its snapshot exists only to keep
/// <see cref="ReviewThresholds"/> valid (<see cref="TenderReviewPolicy.Snapshot"/>) and means nothing to a reader.
/// </summary>
public static class RoutingThresholds
{
    public const string OrderNote = "Thresholds at routing: full review from {0}, review meeting from {1}.";
    public const string TenderNote = "Tender threshold at routing: full review with the general manager's approval from {0}.";

    public static ThresholdNote Describe(ReviewSubjectKind kind, ReviewThresholds atRouting) => kind switch
    {
        ReviewSubjectKind.SalesOrder or ReviewSubjectKind.ContractChange => new(OrderNote, [atRouting.FullReviewAmount, atRouting.ReviewMeetingAmount]),
        ReviewSubjectKind.TenderInvitation or ReviewSubjectKind.Bid => new(TenderNote, [atRouting.FullReviewAmount]),
    };
}
