using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>Opens a review of any subject in the caller's unit of work (saved with the caller's one save):
/// used by order submission, contract change acceptance and tenders.</summary>
public static class OpenReview
{
    public static Review For(AppDbContext db, ReviewSubjectKind kind, Guid subjectId, ReviewDecision decision, ReviewThresholds thresholds, int contentVersion, DateTime nowUtc)
    {
        var review = Review.Open(kind, subjectId, decision, thresholds, contentVersion, nowUtc);
        db.Reviews.Add(review);
        return review;
    }

    public static Review For(AppDbContext db, IReviewedSubject subject, ReviewDecision decision, ReviewThresholds thresholds, DateTime nowUtc) =>
        For(db, subject.Kind, subject.Id, decision, thresholds, subject.ContentVersion, nowUtc);
}
