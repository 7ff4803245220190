using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Reviews;

/// <summary>
/// What a review reviews: a sales order, a contract change, a tender invitation, a bid. The subject has
/// its own precondition for a conclusion and reacts to the review's status in the same save.
/// </summary>
public interface IReviewedSubject
{
    ReviewSubjectKind Kind { get; }

    Guid Id { get; }

    /// <summary>The version of the reviewed content; a signature made on an older form is refused.</summary>
    int ContentVersion { get; }

    /// <summary>The subject's own precondition for concluding or approving (an oral order must be confirmed).</summary>
    Result MayConclude(Review review);

    /// <summary>The subject follows the review's status (an exhaustive switch over <see cref="ReviewStatus"/>).</summary>
    Result FollowReview(Review review, DateTime nowUtc);
}

/// <summary>A subject whose content a discrepancy's resolution may change (the order's lines): its content
/// version moves on and the review's signatures are invalidated.</summary>
public interface IContentChangingSubject
{
    void MarkContentChanged();
}
