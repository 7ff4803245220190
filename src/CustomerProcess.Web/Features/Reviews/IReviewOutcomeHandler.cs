using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>Told when a review reaches an end (approved, rejected, withdrawn), after it is saved.
/// Other features hang their consequences on it (a contract change waiting for its review).</summary>
public interface IReviewOutcomeHandler
{
    Task ReviewEndedAsync(Guid reviewId, ReviewStatus status, CancellationToken cancellationToken);
}
