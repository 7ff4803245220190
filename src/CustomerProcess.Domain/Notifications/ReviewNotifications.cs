using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Notifications;

/// <summary>
/// What one act on a review changed, whatever the review reviews (an order, a contract change, a tender's go/no-go or a
/// bid, ADR 0018): the sections that now wait for a signature (a new review, or signatures invalidated), the
/// discrepancies raised and resolved, and whether the review now waits for its concluder. The subject contributes only
/// the person who looks after it (<paramref name="SubjectOwnerUserId"/>: the order's or the contract's salesperson, the
/// tender's registering salesperson).
/// </summary>
public sealed record ReviewActOutcome(
    ReviewSubjectKind Subject,
    string? SubjectOwnerUserId,
    ReviewConcluder Concluder,
    IReadOnlyList<string> SectionsNowPending,
    int DiscrepanciesRaised,
    IReadOnlyList<string> DiscrepanciesResolvedFor,
    bool ConclusionNowAwaiting);

/// <summary>The notification events of a review act (docs/process.md §4, §4.1, §6): one rule for every subject.</summary>
public static class ReviewNotifications
{
    public static IReadOnlyList<NotificationEvent> Of(ReviewActOutcome outcome)
    {
        var events = new List<NotificationEvent>();
        if (outcome.SectionsNowPending.Count > 0)
        {
            events.Add(new SectionsAwaitingSignature(outcome.SectionsNowPending));
        }

        for (var i = 0; i < outcome.DiscrepanciesRaised; i++)
        {
            events.Add(new DiscrepancyRaised(outcome.SubjectOwnerUserId));
        }

        events.AddRange(outcome.DiscrepanciesResolvedFor.Select(department => new DiscrepancyResolved(department)));
        if (outcome.ConclusionNowAwaiting)
        {
            events.Add(new ConclusionAwaiting(outcome.Concluder));
        }

        return events;
    }
}
