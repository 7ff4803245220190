using System.Security.Claims;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>Builds the review form's view model for any subject (used by the review page, the print view, the PDF
/// and the ledger) and asks the subject's source who may read it.</summary>
public sealed class ReviewQueries(AppDbContext db, ReviewSubjects subjects, ReviewAccess access, DepartmentNames departmentNames, CustomerProperty.OrderPropertyQuery orderProperty)
{
    /// <param name="signedContract">The review's contract when the caller has read it already (the contract's ledger page).</param>
    public async Task<ReviewDetailsViewModel?> DetailsAsync(
        Guid reviewId, ClaimsPrincipal user, CancellationToken cancellationToken, string? errorSection = null, SignSection.Input? posted = null, Contract? signedContract = null)
    {
        db.ChangeTracker.Clear();
        var review = await db.ReadReviewAsync(reviewId, cancellationToken);
        var subject = review is null ? null : await subjects.For(review.SubjectKind).ViewAsync(review.SubjectId, cancellationToken);
        if (review is null || subject is null)
        {
            return null;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var names = await departmentNames.AllAsync(cancellationToken);
        var contract = signedContract is { } known && known.ReviewId == reviewId
            ? known
            : await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ReviewId == reviewId, cancellationToken);
        var discrepancyIds = review.Discrepancies.Select(d => d.Id).ToList();
        // Most reviews have no discrepancy: then there is no evidence to look for.
        var evidence = discrepancyIds.Count == 0 ? new Dictionary<Guid, IReadOnlyList<Attachments.AttachmentListItem>>() : (await db.Attachments.AsNoTracking()
                .Where(a => a.OwnerType == Domain.Attachments.AttachmentOwner.Discrepancy && discrepancyIds.Contains(a.OwnerId))
                .OrderBy(a => a.UploadedAtUtc)
                .Select(a => new { a.OwnerId, Item = new Attachments.AttachmentListItem(a.Id, a.FileName, a.Size, a.Description, a.UploadedByName, a.UploadedAtUtc) })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.OwnerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Attachments.AttachmentListItem>)g.Select(x => x.Item).ToList());
        return new ReviewDetailsViewModel(
            review, subject, names,
            await access.SignableDepartmentsAsync(userId, cancellationToken),
            user.IsInRole(Roles.SalesManager), user.IsInRole(Roles.GeneralManager), contract, errorSection, posted, evidence)
        {
            IsConcluder = user.IsInRole(ConcludeReview.Handler.RoleOf(review.Concluder)),
            Property = subject.Order is { } order ? await orderProperty.ForOrderAsync(order, user, cancellationToken) with { CanRegister = false } : null,
        };
    }

    /// <summary>Whether the user may read the review: the subject's source decides, from the subject the page read.</summary>
    public Task<bool> CanReadAsync(ClaimsPrincipal user, ReviewDetailsViewModel model, CancellationToken cancellationToken) =>
        subjects.For(model.Review.SubjectKind).CanReadAsync(user, model.Review, model.Subject, cancellationToken);
}
