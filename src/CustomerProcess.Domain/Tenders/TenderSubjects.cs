using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Tenders;

/// <summary>The invitation to tender as the subject of its go/no-go review: it may conclude only when every
/// clarification is answered; approved → the decision to bid, rejected → declined.</summary>
public sealed class TenderInvitationSubject(Tender tender) : IReviewedSubject
{
    public Tender Tender => tender;

    public ReviewSubjectKind Kind => ReviewSubjectKind.TenderInvitation;

    public Guid Id => tender.Id;

    public int ContentVersion => tender.ContentVersion;

    public Result MayConclude(Review review) => tender.MayConcludeGoNoGo();

    public Result FollowReview(Review review, DateTime nowUtc)
    {
        if (tender.Status != TenderStatus.GoNoGoReview)
        {
            return Result.Success();
        }

        return review.Status switch
        {
            ReviewStatus.InProgress or ReviewStatus.AwaitingApproval => Result.Success(),
            ReviewStatus.Approved => tender.FollowGoNoGo(approved: true, nowUtc),
            ReviewStatus.Rejected or ReviewStatus.Withdrawn => tender.FollowGoNoGo(approved: false, nowUtc),
        };
    }

    /// <summary>The engine's decision for the go/no-go review (the estimated amount routes it).</summary>
    public static ReviewDecision Decision(TenderReviewRoute route) =>
        new(route.Level, route.Reasons, route.Departments, route.ConcludedByBusinessUnitHead ? ReviewConcluder.BusinessUnitHead : ReviewConcluder.GeneralManager);
}

/// <summary>The bid as the subject of its review before submission: approved → may be submitted; rejected →
/// not submitted (back to preparing the bid).</summary>
public sealed class BidSubject(Tender tender) : IReviewedSubject
{
    public Tender Tender => tender;

    public ReviewSubjectKind Kind => ReviewSubjectKind.Bid;

    public Guid Id => tender.Id;

    public int ContentVersion => tender.ContentVersion;

    public Result MayConclude(Review review) => Result.Success();

    public Result FollowReview(Review review, DateTime nowUtc)
    {
        if (tender.Status != TenderStatus.BidReview)
        {
            return Result.Success();
        }

        return review.Status switch
        {
            ReviewStatus.InProgress or ReviewStatus.AwaitingApproval => Result.Success(),
            ReviewStatus.Approved => tender.FollowBidReview(approved: true, nowUtc),
            ReviewStatus.Rejected or ReviewStatus.Withdrawn => tender.FollowBidReview(approved: false, nowUtc),
        };
    }
}
