using System.Security.Claims;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>How the review form shows its subject: the number and link of the record, its content version (the
/// version a signature form carries), the order whose lines
/// and requirements are reviewed (an order, or a contract change's revised order; none for a tender), the
/// customer, and summary lines for subjects without an order.</summary>
public sealed record ReviewSubjectView(
    ReviewSubjectKind Kind,
    Guid Id,
    string Number,
    string Link,
    int ContentVersion,
    SalesOrder? Order,
    Customer? Customer,
    IReadOnlyList<string> Summary);

/// <summary>A subject as lists show it (the "waiting for me" queue): one row per record.</summary>
public sealed class ReviewSubjectRow
{
    public Guid Id { get; init; }

    public string Number { get; init; } = "";

    public string CustomerName { get; init; } = "";
}

/// <summary>
/// One per <see cref="ReviewSubjectKind"/> (registered in FeatureServices): loads the reviewed record for a
/// use case, tells its content version, shows it on the review form and decides who may read its review.
/// </summary>
public interface IReviewSubjectSource
{
    ReviewSubjectKind Kind { get; }

    /// <summary>The subject, tracked, ready to follow the review in the use case's save; null when it does not exist.</summary>
    Task<IReviewedSubject?> LoadAsync(Guid subjectId, CancellationToken cancellationToken);

    /// <summary>Only the subject's content version (what a signature is checked against); null when it does not exist.</summary>
    Task<int?> ContentVersionAsync(Guid subjectId, CancellationToken cancellationToken);

    /// <summary>The subject as the review form, print view and PDF show it (not tracked).</summary>
    Task<ReviewSubjectView?> ViewAsync(Guid subjectId, CancellationToken cancellationToken);

    /// <summary>Whether the user may read this review of the subject (the form, print, PDF, history, attachments).
    /// <paramref name="subject"/> is the subject as <see cref="ViewAsync"/> read it for the page, when it did: the source
    /// reads again only what it lacks.</summary>
    Task<bool> CanReadAsync(ClaimsPrincipal user, Review review, ReviewSubjectView? subject, CancellationToken cancellationToken);

    /// <summary>The decision for a higher level when the sales manager raises it (the subject's facts decide
    /// which extra departments sign).</summary>
    Task<ReviewDecision?> DecisionAtLevelAsync(Guid subjectId, ReviewLevel level, CancellationToken cancellationToken);

    /// <summary>Every subject of this kind as a list row (a query; the queue reads the rows of the reviews it lists).</summary>
    IQueryable<ReviewSubjectRow> Rows();
}

/// <summary>Finds the subject source of a review by its kind.</summary>
public sealed class ReviewSubjects(IEnumerable<IReviewSubjectSource> sources)
{
    private readonly Dictionary<ReviewSubjectKind, IReviewSubjectSource> _byKind = sources.ToDictionary(s => s.Kind);

    public IReviewSubjectSource For(ReviewSubjectKind kind) =>
        _byKind.TryGetValue(kind, out var source) ? source : throw new InvalidOperationException($"No review subject source for {kind}.");
}
