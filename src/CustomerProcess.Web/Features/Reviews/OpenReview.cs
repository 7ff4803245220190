using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Notifications;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>Opens a review of any subject in the caller's unit of work (saved with the caller's one save) and adds the
/// notifications of the pending sections to it: used by order submission, contract change acceptance and tenders, so
/// every subject's review notifies its signers the same way.</summary>
public sealed class OpenReview(AppDbContext db, Notifier notifier)
{
    /// <summary>Adds an opened review; <paramref name="actorUserId"/> (who caused it) is not notified.</summary>
    public async Task<Review> AddAsync(Review review, string? actorUserId, CancellationToken cancellationToken)
    {
        db.Reviews.Add(review);
        await notifier.ReviewActedAsync(review, actorUserId, cancellationToken);
        return review;
    }

    public Task<Review> ForAsync(IReviewedSubject subject, ReviewDecision decision, ReviewThresholds thresholds, DateTime nowUtc, string? actorUserId, CancellationToken cancellationToken) =>
        AddAsync(Review.Open(subject.Kind, subject.Id, decision, thresholds, subject.ContentVersion, nowUtc), actorUserId, cancellationToken);
}
