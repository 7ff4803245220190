using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Attachments;

public sealed record AttachmentListItem(Guid Id, string FileName, long Size, string? Description, string UploadedByName, DateTime UploadedAtUtc);

public sealed record AttachmentsViewModel(AttachmentOwner OwnerType, Guid OwnerId, IReadOnlyList<AttachmentListItem> Items, bool CanUpload, string ReturnUrl);

/// <summary>
/// Who may see and add the files of a record: the same people who may read the record it belongs to
/// (a contract's or discrepancy's review, a complaint or a return — see ComplaintAccess), and for uploads the
/// roles that keep those records.
/// </summary>
public sealed class AttachmentAccess(AppDbContext db, ReviewSubjects subjects, Complaints.ComplaintAccess complaints, Tenders.TenderAccess tenders)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, AttachmentOwner ownerType, Guid ownerId, CancellationToken cancellationToken)
    {
        switch (ownerType)
        {
            case AttachmentOwner.Contract:
                {
                    var reviewId = await db.Contracts.Where(c => c.Id == ownerId).Select(c => (Guid?)c.ReviewId).FirstOrDefaultAsync(cancellationToken);
                    return reviewId is not null && await CanReadReviewAsync(user, reviewId.Value, cancellationToken);
                }

            case AttachmentOwner.Discrepancy:
                {
                    var reviewId = await db.Discrepancies.Where(d => d.Id == ownerId).Select(d => (Guid?)d.ReviewId).FirstOrDefaultAsync(cancellationToken);
                    return reviewId is not null && await CanReadReviewAsync(user, reviewId.Value, cancellationToken);
                }

            case AttachmentOwner.Complaint:
                return await complaints.VisibleComplaints(user).AnyAsync(c => c.Id == ownerId, cancellationToken);

            case AttachmentOwner.Return:
                return await complaints.VisibleReturns(user).AnyAsync(r => r.Id == ownerId, cancellationToken);

            case AttachmentOwner.Tender:
                return await tenders.Visible(user).AnyAsync(t => t.Id == ownerId, cancellationToken);

            default:
                return false;
        }
    }

    public static bool CanUpload(ClaimsPrincipal user, AttachmentOwner ownerType) => ownerType switch
    {
        AttachmentOwner.Contract => user.IsInRole(Roles.ContractAdministrator) || user.IsInRole(Roles.SalesManager),
        AttachmentOwner.Discrepancy => user.IsInRole(Roles.SalesManager),
        AttachmentOwner.Complaint or AttachmentOwner.Return => Complaints.ComplaintAccess.IsQuality(user) || Complaints.ComplaintAccess.IsSales(user),
        AttachmentOwner.Tender => Complaints.ComplaintAccess.IsSales(user),
        _ => false,
    };

    /// <summary>A closed complaint and a settled or booked-back return are finished records: their files can be read, not added to.</summary>
    public async Task<bool> AcceptsFilesAsync(AttachmentOwner ownerType, Guid ownerId, CancellationToken cancellationToken) => ownerType switch
    {
        AttachmentOwner.Complaint => await db.Complaints.AnyAsync(c => c.Id == ownerId && c.Status != Domain.Complaints.ComplaintStatus.Closed, cancellationToken),
        AttachmentOwner.Return => await db.Returns.AnyAsync(
            r => r.Id == ownerId && r.Status != Domain.Complaints.ReturnStatus.Settled && r.Status != Domain.Complaints.ReturnStatus.BookedBack, cancellationToken),
        AttachmentOwner.Contract or AttachmentOwner.Discrepancy or AttachmentOwner.Tender => true,
    };

    public Task<List<AttachmentListItem>> ListAsync(AttachmentOwner ownerType, Guid ownerId, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId)
            .OrderBy(a => a.UploadedAtUtc)
            .Select(a => new AttachmentListItem(a.Id, a.FileName, a.Size, a.Description, a.UploadedByName, a.UploadedAtUtc))
            .ToListAsync(cancellationToken);

    private async Task<bool> CanReadReviewAsync(ClaimsPrincipal user, Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking().Include(r => r.Sections).FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        return review is not null && await subjects.For(review.SubjectKind).CanReadAsync(user, review, null, cancellationToken);
    }
}

[Authorize]
public sealed class AttachmentsController(AppDbContext db, AttachmentAccess access, IStringLocalizer<SharedResource> l) : Controller
{
    [CreatesRecord]
    [HttpPost]
    [RequestSizeLimit(Attachment.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = Attachment.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(UploadAttachment.Input input, [MaxLength(InputLimits.UrlLength)] string? returnUrl, [FromServices] UploadAttachment.Handler handler, CancellationToken cancellationToken)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!ModelState.IsValid)
        {
            if (!AttachmentAccess.CanUpload(User, input.OwnerType) || !await access.CanReadAsync(User, input.OwnerType, input.OwnerId, cancellationToken))
            {
                return Forbid();
            }

            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return LocalRedirect(back);
        }

        var result = await handler.HandleAsync(input, User, cancellationToken);
        return await this.Respond(
            result,
            fileName =>
            {
                TempData["Message"] = l["{0} was attached.", fileName].Value;
                return LocalRedirect(back);
            },
            () =>
            {
                TempData["Error"] = result.Error!.Localize(l);
                return Task.FromResult<IActionResult>(LocalRedirect(back));
            },
            l);
    }

    [HttpGet]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        var meta = await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.OwnerType, a.OwnerId }).FirstOrDefaultAsync(cancellationToken);
        if (meta is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, meta.OwnerType, meta.OwnerId, cancellationToken))
        {
            return Forbid();
        }

        var file = await db.Attachments.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
