using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

public sealed record ChangeRequest(
    Guid ContractId, ChangeKind Kind, ChangeParty RequestedBy, string RequesterName, string What, string Why,
    string CustomerConfirmation, UploadedFile? Confirmation, IReadOnlyList<ContractLineData>? Lines);

/// <summary>A file as uploaded (checked by <see cref="Attachment.Create"/>).</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>
/// Contract changes (docs/process.md §6). Accepting a change does what <see cref="ChangeRules.ConsequenceOf"/>
/// says: a new version with a revised task notice, a new quotation, a product change notice, a new review
/// of the changed content (the contract is held until it ends), or the termination of the contract.
/// </summary>
public sealed class ChangeWorkflow(
    AppDbContext db,
    ContractTracking tracking,
    NoticeWorkflow notices,
    ReviewRouting routing,
    DocumentNumbers numbers,
    TimeProvider clock)
{
    public const string ChangePrefix = "BG";
    public const string QuotationPrefix = "BJ";

    public static readonly DomainError NotFound = new("change.not-found", "The change does not exist.");

    private const string ConfirmationNote = "customer's written confirmation / 客户书面确认";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ContractChange?> FindAsync(Guid changeId, CancellationToken cancellationToken) =>
        db.ContractChanges.Include("_lines").FirstOrDefaultAsync(c => c.Id == changeId, cancellationToken);

    public Task<Result<ContractChange>> RequestAsync(ChangeRequest request, string userId, string userName, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var contract = await tracking.LoadAsync(request.ContractId, cancellationToken);
            if (contract is null)
            {
                return Result<ContractChange>.Failure(ContractTracking.NotFound);
            }

            var number = await numbers.NextAsync(ChangePrefix, Now.Year, cancellationToken);
            // The scan of the customer's confirmation is kept with the contract's files.
            Attachment? attachment = null;
            if (request.Confirmation is { } file)
            {
                var created = Attachment.Create(AttachmentOwner.Contract, contract.Id, file.FileName, file.Content, $"{number}: {ConfirmationNote}", userName, Now);
                if (!created.Succeeded)
                {
                    return Result<ContractChange>.Failure(created.Error!);
                }

                attachment = created.Value!;
                db.Attachments.Add(attachment);
            }

            var change = ContractChange.Request(
                number, contract, request.Kind, request.RequestedBy, request.RequesterName, request.What, request.Why,
                request.CustomerConfirmation, attachment?.Id, request.Lines, userId, userName, Now);
            if (change.Succeeded)
            {
                db.ContractChanges.Add(change.Value!);
                await db.SaveChangesAsync(cancellationToken);
            }

            return change;
        });

    /// <summary>The sales manager (or GM) accepts the change; what follows depends on its kind.</summary>
    public Task<Result> AcceptAsync(Guid changeId, string? note, string userId, string userName, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var change = await FindAsync(changeId, cancellationToken);
            var contract = change is null ? null : await tracking.LoadAsync(change.ContractId, cancellationToken);
            if (change is null || contract is null)
            {
                return Result.Failure(NotFound);
            }

            var result = change.Consequence switch
            {
                ChangeConsequence.RevisedTaskNotice => await ReviseTaskNoticeAsync(change, contract, note, userId, userName, cancellationToken),
                ChangeConsequence.NewQuotation => await QuoteAsync(change, contract, note, userName, cancellationToken),
                ChangeConsequence.ProductChangeNotice => await ProductChangeNoticeAsync(change, contract, note, userId, userName, cancellationToken),
                ChangeConsequence.FullReview => await OpenReviewAsync(change, contract, userName, cancellationToken),
                ChangeConsequence.BothPartiesConfirm => change.ConfirmTermination(contract, userName, Now, tracking.Today),
            };
            if (result.Succeeded)
            {
                // A quantity reduced to what was delivered (and paid) may complete the contract.
                if (contract.CompleteWhenPerformed(tracking.Today))
                {
                    await tracking.PromoteCustomerIfCompletedAsync(contract, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        });

    public Task<Result> RejectAsync(Guid changeId, string reason, string userName, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var change = await FindAsync(changeId, cancellationToken);
            if (change is null)
            {
                return Result.Failure(NotFound);
            }

            var result = change.Reject(userName, reason, Now);
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        });

    /// <summary>Withdrawn by the side that asked: a review under way is withdrawn too and the order gets the contract's lines back.</summary>
    public Task<Result> WithdrawAsync(Guid changeId, string reason, string userName, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var change = await FindAsync(changeId, cancellationToken);
            var contract = change is null ? null : await tracking.LoadAsync(change.ContractId, cancellationToken);
            if (change is null || contract is null)
            {
                return Result.Failure(NotFound);
            }

            var underReview = change.Status == ChangeStatus.UnderReview;
            var result = change.Withdraw(contract, userName, reason, Now);
            if (!result.Succeeded)
            {
                return result;
            }

            if (underReview && change.ReviewId is { } reviewId)
            {
                var review = await db.Reviews.FirstAsync(r => r.Id == reviewId, cancellationToken);
                if (review.Status is ReviewStatus.InProgress or ReviewStatus.AwaitingApproval)
                {
                    var withdrawn = review.Withdraw(userName, reason, Now);
                    if (!withdrawn.Succeeded)
                    {
                        return withdrawn;
                    }
                }

                var order = await db.SalesOrders.Include("_lines").FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
                var restored = ChangeUnderReview.RestoreOrderLines(order, contract);
                if (!restored.Succeeded)
                {
                    return restored;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });

    private async Task<Result> ReviseTaskNoticeAsync(ContractChange change, Contract contract, string? note, string userId, string userName, CancellationToken cancellationToken)
    {
        var implemented = change.Implement(contract, userName, note, Now);
        if (!implemented.Succeeded)
        {
            return implemented;
        }

        // Production works from the notice in force: a revision goes to the same departments, who acknowledge again.
        var current = await notices.CurrentTaskNoticeAsync(contract.Id, cancellationToken);
        if (current is null)
        {
            return Result.Success();
        }

        var revised = await notices.IssueAsync(
            contract, NoticeKind.ProductionTask, current.Acknowledgements.Select(a => a.DepartmentCode).ToList(), current.SpecialRequirements, current.ReviewConditions,
            $"{change.Number}: {change.What}", change.Id, userId, userName, cancellationToken);
        if (!revised.Succeeded)
        {
            return Result.Failure(revised.Error!);
        }

        change.AttachNotice(revised.Value!.Id);
        return Result.Success();
    }

    private async Task<Result> QuoteAsync(ContractChange change, Contract contract, string? note, string userName, CancellationToken cancellationToken)
    {
        var previousAmount = contract.AmountMinor;
        var implemented = change.Implement(contract, userName, note, Now);
        if (!implemented.Succeeded)
        {
            return implemented;
        }

        var number = await numbers.NextAsync(QuotationPrefix, Now.Year, cancellationToken);
        var quotation = new Quotation(number, contract.Id, change.Id, contract.CurrentVersion, previousAmount, contract.AmountMinor, userName, Now);
        db.Quotations.Add(quotation);
        change.AttachQuotation(quotation.Id);
        return Result.Success();
    }

    private async Task<Result> ProductChangeNoticeAsync(ContractChange change, Contract contract, string? note, string userId, string userName, CancellationToken cancellationToken)
    {
        var implemented = change.Implement(contract, userName, note, Now);
        if (!implemented.Succeeded)
        {
            return implemented;
        }

        var notice = await notices.IssueAsync(
            contract, NoticeKind.ProductChange, NoticeWorkflow.ProductChangeDepartments, null, null,
            $"{change.Number}: {change.What}\n{change.Why}", change.Id, userId, userName, cancellationToken);
        if (!notice.Succeeded)
        {
            return Result.Failure(notice.Error!);
        }

        change.AttachNotice(notice.Value!.Id);
        return Result.Success();
    }

    /// <summary>Structure or specification: the contracted order carries the changed lines and a new review
    /// (at least the full countersign level: "full review again") reviews them.</summary>
    private async Task<Result> OpenReviewAsync(ContractChange change, Contract contract, string userName, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.Include("_lines").FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
        var revised = order.ReviseContractedLines(ChangeUnderReview.ToOrderLines(order, change.ProposedLineData));
        if (!revised.Succeeded)
        {
            return revised;
        }

        var customerClass = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Class).FirstAsync(cancellationToken);
        var (routed, facts, thresholds) = await routing.DecideAsync(order, customerClass, cancellationToken);
        var decision = ReviewPolicy.ForLevel(ChangeUnderReview.LevelFor(routed.Level), ChangeUnderReview.ReasonsFor(change, contract, routed.Reasons), facts);
        var review = Review.Open(ReviewSubjectKind.ContractChange, change.Id, decision, thresholds, order.ContentVersion, Now);
        var sent = change.SendToReview(contract, review.Id, userName, Now);
        if (!sent.Succeeded)
        {
            return sent;
        }

        db.Reviews.Add(review);
        return Result.Success();
    }
}
