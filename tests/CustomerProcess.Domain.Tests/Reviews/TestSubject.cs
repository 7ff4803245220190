using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Tests.Reviews;

/// <summary>A reviewed subject for the review's own rules: it may conclude when told so and records what it followed.</summary>
public sealed class TestSubject(ReviewSubjectKind kind, Guid id, bool mayConclude = true) : IReviewedSubject
{
    public static readonly DomainError Blocked = new("test.blocked", "The subject's own precondition does not hold.");

    public ReviewSubjectKind Kind => kind;

    public Guid Id => id;

    public int ContentVersion { get; set; } = 1;

    public List<ReviewStatus> Followed { get; } = [];

    public static TestSubject Of(Review review, bool confirmed = true) => new(review.SubjectKind, review.SubjectId, confirmed);

    public Result MayConclude(Review review) => mayConclude ? Result.Success() : Review.OralNotConfirmed;

    public Result FollowReview(Review review, DateTime nowUtc)
    {
        Followed.Add(review.Status);
        return Result.Success();
    }
}
