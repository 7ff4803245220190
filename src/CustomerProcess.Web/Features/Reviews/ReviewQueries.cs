using System.Security.Claims;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>Builds the review form's view model (used by the review page, the print view, the PDF and the ledger).</summary>
public sealed class ReviewQueries(AppDbContext db, ReviewWorkflow workflow, ReviewAccess access, DepartmentNames departmentNames)
{
    public async Task<ReviewDetailsViewModel?> DetailsAsync(Guid reviewId, ClaimsPrincipal user, CancellationToken cancellationToken, string? errorSection = null, SignInput? posted = null)
    {
        db.ChangeTracker.Clear();
        var bundle = await workflow.LoadForReadingAsync(reviewId, cancellationToken);
        if (bundle is null)
        {
            return null;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == bundle.Order.CustomerId, cancellationToken);
        var names = await departmentNames.AllAsync(cancellationToken);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ReviewId == reviewId, cancellationToken);
        var discrepancyIds = bundle.Review.Discrepancies.Select(d => d.Id).ToList();
        // Most reviews have no discrepancy: then there is no evidence to look for.
        var evidence = discrepancyIds.Count == 0 ? new Dictionary<Guid, IReadOnlyList<Attachments.AttachmentListItem>>() : (await db.Attachments.AsNoTracking()
                .Where(a => a.OwnerType == Domain.Attachments.AttachmentOwner.Discrepancy && discrepancyIds.Contains(a.OwnerId))
                .OrderBy(a => a.UploadedAtUtc)
                .Select(a => new { a.OwnerId, Item = new Attachments.AttachmentListItem(a.Id, a.FileName, a.Size, a.Description, a.UploadedByName, a.UploadedAtUtc) })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.OwnerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Attachments.AttachmentListItem>)g.Select(x => x.Item).ToList());
        return new ReviewDetailsViewModel(
            bundle.Review, bundle.Order, customer, names,
            await access.SignableDepartmentsAsync(userId, cancellationToken),
            user.IsInRole(Roles.SalesManager), user.IsInRole(Roles.GeneralManager), contract, errorSection, posted, evidence);
    }
}
