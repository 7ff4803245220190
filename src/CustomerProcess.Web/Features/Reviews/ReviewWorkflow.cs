using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Reviews;

public sealed record SignCommand(SectionConclusion Conclusion, string? Comments, IReadOnlyList<string> CheckedItems, int FormContentVersion, string Password);

public sealed record ReviewBundle(Review Review, SalesOrder Order);

/// <summary>
/// The review spine's use cases. Each runs in one SaveChanges (one transaction) and is retried on a
/// concurrency conflict against fresh data; the review and its order always move together.
/// </summary>
public sealed class ReviewWorkflow(
    AppDbContext db,
    ReviewRouting routing,
    DocumentNumbers numbers,
    SignatureCredentials credentials,
    TimeProvider clock,
    IEnumerable<IReviewOutcomeHandler> outcomeHandlers)
{
    public static readonly DomainError WrongPassword = new("signature.password", "The password is not correct. Nothing was signed.");
    public static readonly DomainError LockedOut = new("signature.locked-out", "Too many wrong passwords: signing is locked for a while. Nothing was signed; try again later or ask an administrator.");
    public static readonly DomainError NotFound = new("review.not-found", "The review does not exist.");
    public static readonly DomainError NotApproved = new("contract.not-approved", "Only an approved order can be signed as a contract.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Review?> FindReviewAsync(Guid reviewId, CancellationToken cancellationToken) =>
        db.Reviews
            .Include(r => r.Sections)
            .Include(r => r.Signatures)
            .Include(r => r.Discrepancies)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);

    public Task<SalesOrder?> FindOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    public async Task<ReviewBundle?> LoadAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await FindReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var order = await FindOrderAsync(review.OrderId, cancellationToken);
        return order is null ? null : new ReviewBundle(review, order);
    }

    /// <summary>
    /// What <see cref="Review.Sign"/> decides on: the review's status, its sections and discrepancies (tracked,
    /// one query), and the order's content version. The review's earlier signatures and the order with its
    /// lines are not read: signing only adds a signature and moves one section, and the section's version
    /// guards against a second signer (the loser retries against fresh data and is told it is signed).
    /// </summary>
    private async Task<(Review? Review, int ContentVersion)> LoadForSigningAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews
            .Include(r => r.Sections)
            .Include(r => r.Discrepancies)
            .AsSingleQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return (null, 0);
        }

        var contentVersion = await db.SalesOrders.Where(o => o.Id == review.OrderId).Select(o => (int?)o.ContentVersion).FirstOrDefaultAsync(cancellationToken);
        return contentVersion is { } version ? (review, version) : (null, 0);
    }

    /// <summary>The review and its order for display only: not tracked, so no change-tracking snapshots
    /// are made (the review form, its print view and PDF, the ledger's contract page).</summary>
    public async Task<ReviewBundle?> LoadForReadingAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Sections)
            .Include(r => r.Signatures)
            .Include(r => r.Discrepancies)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var order = await db.SalesOrders.AsNoTracking().Include("_lines").FirstOrDefaultAsync(o => o.Id == review.OrderId, cancellationToken);
        return order is null ? null : new ReviewBundle(review, order);
    }

    /// <summary>Sales submits a draft: the rules choose the level and the sections are opened.</summary>
    public Task<Result<Guid>> SubmitAsync(Guid orderId, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var order = await FindOrderAsync(orderId, cancellationToken);
            if (order is null)
            {
                return Result<Guid>.Failure(NotFound);
            }

            var customerClass = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Class).FirstAsync(cancellationToken);
            var submitted = order.Submit(Now);
            if (!submitted.Succeeded)
            {
                return Result<Guid>.Failure(submitted.Error!);
            }

            var (decision, _, thresholds) = await routing.DecideAsync(order, customerClass, cancellationToken);
            var review = Review.Open(order.Id, decision, thresholds, order.ContentVersion, Now);
            db.Reviews.Add(review);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Guid>.Success(review.Id);
        });

    /// <summary>An electronic signature: the signer re-enters the password; a wrong password records nothing.</summary>
    public async Task<Result> SignAsync(Guid reviewId, string department, string userId, SignCommand command, CancellationToken cancellationToken)
    {
        var (check, signer) = await credentials.VerifyAsync(userId, command.Password);
        if (signer is null)
        {
            return check == CredentialCheck.LockedOut ? LockedOut : WrongPassword;
        }

        db.ChangeTracker.Clear();
        var result = await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var (review, contentVersion) = await LoadForSigningAsync(reviewId, cancellationToken);
            if (review is null)
            {
                return Result.Failure(NotFound);
            }

            var signed = review.Sign(
                department, userId, signer.DisplayName, command.Conclusion, Clean(command.Comments),
                command.CheckedItems, command.FormContentVersion, contentVersion, Now);
            if (!signed.Succeeded)
            {
                return Result.Failure(signed.Error!);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });

        if (result.Succeeded)
        {
            await AdvanceAsync(reviewId, cancellationToken);
        }

        return result;
    }

    /// <summary>Moves a complete review on (to approval, or to rejected); safe to call any time.</summary>
    public async Task<bool> AdvanceAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        // Review.Advance does nothing while the review is not in progress or a section is unsigned, which is
        // the case after most signatures: one query answers that, instead of loading the review and its order.
        // Read after the caller's commit, so of two heads signing the last two sections at once, the later
        // commit sees both signed.
        var mayAdvance = await db.Reviews.AnyAsync(
            r => r.Id == reviewId && r.Status == ReviewStatus.InProgress && r.Sections.All(s => s.Status == SectionStatus.Signed),
            cancellationToken);
        if (!mayAdvance)
        {
            return false;
        }

        var advanced = await ConcurrencyRetry.RunAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var bundle = await LoadAsync(reviewId, cancellationToken);
            if (bundle is null || !bundle.Review.Advance(Now))
            {
                return false;
            }

            SyncOrder(bundle);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });

        if (advanced)
        {
            await NotifyIfEndedAsync(reviewId, cancellationToken);
        }

        return advanced;
    }

    public Task<Result> RaiseDiscrepancyAsync(Guid reviewId, string department, string userId, string userName, string clause, string description, CancellationToken cancellationToken) =>
        Change(reviewId, b => b.Review.RaiseDiscrepancy(department, userId, userName, clause, description, Now) is { Succeeded: false } r
            ? Result.Failure(r.Error!)
            : Result.Success(), cancellationToken);

    public Task<Result> ResolveDiscrepancyAsync(Guid reviewId, Guid discrepancyId, string resolution, EvidenceType evidence, string? reference, bool changesContent, string byName, CancellationToken cancellationToken) =>
        Change(reviewId, b =>
        {
            if (changesContent)
            {
                b.Order.MarkContentChanged();
            }

            return b.Review.ResolveDiscrepancy(discrepancyId, resolution, evidence, reference, changesContent, byName, b.Order.ContentVersion, Now);
        }, cancellationToken);

    public async Task<Result> ConfirmDiscrepancyAsync(Guid reviewId, Guid discrepancyId, string department, string byName, CancellationToken cancellationToken)
    {
        var result = await Change(reviewId, b => b.Review.ConfirmDiscrepancy(discrepancyId, department, byName, Now), cancellationToken);
        if (result.Succeeded)
        {
            await AdvanceAsync(reviewId, cancellationToken);
        }

        return result;
    }

    public Task<Result> ReopenDiscrepancyAsync(Guid reviewId, Guid discrepancyId, string department, string reason, CancellationToken cancellationToken) =>
        Change(reviewId, b => b.Review.ReopenDiscrepancy(discrepancyId, department, reason), cancellationToken);

    public async Task<Result> RecordMeetingAsync(Guid reviewId, DateOnly date, string attendees, string minutes, CancellationToken cancellationToken)
    {
        var result = await Change(reviewId, b => b.Review.RecordMeeting(date, attendees, minutes), cancellationToken);
        if (result.Succeeded)
        {
            await AdvanceAsync(reviewId, cancellationToken);
        }

        return result;
    }

    public Task<Result> RaiseLevelAsync(Guid reviewId, ReviewLevel level, string byName, string reason, CancellationToken cancellationToken) =>
        Change(reviewId, async b =>
        {
            var customerClass = await db.Customers.Where(c => c.Id == b.Order.CustomerId).Select(c => c.Class).FirstAsync(cancellationToken);
            var facts = OrderFacts.From(b.Order, customerClass, false);
            var decision = ReviewPolicy.ForLevel(level, [], facts);
            return b.Review.RaiseLevel(decision, byName, reason);
        }, cancellationToken);

    public Task<Result> ConcludeAsync(Guid reviewId, string userId, string password, string? comment, CancellationToken cancellationToken) =>
        Decide(reviewId, userId, password, (b, name) => b.Review.Conclude(userId, name, Clean(comment), b.Order.IsConfirmedForAcceptance(b.Review.BillOfLadingAmount), Now), cancellationToken);

    public Task<Result> ApproveAsync(Guid reviewId, string userId, string password, string? comment, CancellationToken cancellationToken) =>
        Decide(reviewId, userId, password, (b, name) => b.Review.Approve(userId, name, Clean(comment), b.Order.IsConfirmedForAcceptance(b.Review.BillOfLadingAmount), Now), cancellationToken);

    public Task<Result> RejectAsync(Guid reviewId, string userId, string password, string reason, CancellationToken cancellationToken) =>
        Decide(reviewId, userId, password, (b, name) => b.Review.RejectByGeneralManager(userId, name, reason, Now), cancellationToken);

    public Task<Result> WithdrawAsync(Guid orderId, string byName, string reason, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var order = await FindOrderAsync(orderId, cancellationToken);
            if (order is null)
            {
                return Result.Failure(NotFound);
            }

            var review = await db.Reviews.Include(r => r.Sections).FirstOrDefaultAsync(r => r.OrderId == orderId && r.Status != ReviewStatus.Withdrawn, cancellationToken);
            if (review is not null)
            {
                var withdrawn = review.Withdraw(byName, reason, Now);
                if (!withdrawn.Succeeded)
                {
                    return withdrawn;
                }
            }

            var result = order.Withdraw(reason, Now);
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        });

    /// <summary>An approved order is signed as a contract and enters the ledger with the next number.</summary>
    public Task<Result<Contract>> SignContractAsync(Guid orderId, DateOnly signedOn, string? customerContractNumber, string userId, string userName, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var order = await FindOrderAsync(orderId, cancellationToken);
            var review = order is null ? null : await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.OrderId == orderId && r.Status == ReviewStatus.Approved, cancellationToken);
            if (order is null || review is null || order.Status != OrderStatus.Approved)
            {
                return Result<Contract>.Failure(NotApproved);
            }

            var number = await numbers.NextAsync("HT", signedOn.Year, cancellationToken);
            var contract = new Contract(number, order.Id, review.Id, order.CustomerId, order.TotalMinor, order.Currency, signedOn, userId, userName, customerContractNumber, Now);
            var moved = order.MarkContracted();
            if (!moved.Succeeded)
            {
                return Result<Contract>.Failure(moved.Error!);
            }

            var paymentTermDays = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.PaymentTermDays).FirstAsync(cancellationToken);
#pragma warning disable CP0001 // a dropped Result (ADR 0021): removed by the engine branch
            contract.Open(Tracking.ContractTracking.LinesOf(order), paymentTermDays, userName, Now);
#pragma warning restore CP0001
            db.Contracts.Add(contract);
            await PromoteNewCustomerOnFirstContractAsync(order.CustomerId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Contract>.Success(contract);
        });

    private async Task PromoteNewCustomerOnFirstContractAsync(Guid customerId, CancellationToken cancellationToken)
    {
        // A prospect with a signed contract is a customer now (new customer until it has two completed contracts).
        var customer = await db.Customers.FirstAsync(c => c.Id == customerId, cancellationToken);
        if (customer.Class == CustomerClass.Prospect)
        {
#pragma warning disable CP0001 // a dropped Result (ADR 0021): removed by the engine branch
            customer.ChangeClass(CustomerClass.New);
#pragma warning restore CP0001
        }
    }

    private async Task<Result> Decide(Guid reviewId, string userId, string password, Func<ReviewBundle, string, Result<ReviewSignature>> decide, CancellationToken cancellationToken)
    {
        var (check, signer) = await credentials.VerifyAsync(userId, password);
        if (signer is null)
        {
            return check == CredentialCheck.LockedOut ? LockedOut : WrongPassword;
        }

        db.ChangeTracker.Clear();
        var result = await Change(reviewId, b => decide(b, signer.DisplayName) is { Succeeded: false } r ? Result.Failure(r.Error!) : Result.Success(), cancellationToken);
        if (result.Succeeded)
        {
            await NotifyIfEndedAsync(reviewId, cancellationToken);
        }

        return result;
    }

    /// <summary>Tells other features (a contract change under review) that the review ended.</summary>
    private async Task NotifyIfEndedAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var status = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Status).FirstAsync(cancellationToken);
        if (status is ReviewStatus.InProgress or ReviewStatus.AwaitingApproval)
        {
            return;
        }

        foreach (var handler in outcomeHandlers)
        {
            await handler.ReviewEndedAsync(reviewId, status, cancellationToken);
        }
    }

    private Task<Result> Change(Guid reviewId, Func<ReviewBundle, Result> change, CancellationToken cancellationToken) =>
        Change(reviewId, b => Task.FromResult(change(b)), cancellationToken);

    private Task<Result> Change(Guid reviewId, Func<ReviewBundle, Task<Result>> change, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var bundle = await LoadAsync(reviewId, cancellationToken);
            if (bundle is null)
            {
                return Result.Failure(NotFound);
            }

            var result = await change(bundle);
            if (!result.Succeeded)
            {
                return result;
            }

            SyncOrder(bundle);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });

    /// <summary>The order's status follows its review's.</summary>
    private void SyncOrder(ReviewBundle bundle)
    {
        var (review, order) = (bundle.Review, bundle.Order);
#pragma warning disable CP0001 // a dropped Result (ADR 0021): removed by the engine branch
        _ = review.Status switch
        {
            ReviewStatus.InProgress => order.Status == OrderStatus.AwaitingApproval ? order.ReturnToReview() : Result.Success(),
            ReviewStatus.AwaitingApproval => order.Status == OrderStatus.UnderReview ? order.AwaitApproval() : Result.Success(),
            ReviewStatus.Approved => order.Status is OrderStatus.UnderReview or OrderStatus.AwaitingApproval ? order.Approve(Now) : Result.Success(),
            ReviewStatus.Rejected => order.Status is OrderStatus.UnderReview or OrderStatus.AwaitingApproval ? order.Reject(review.DecisionComment ?? "", Now) : Result.Success(),
            ReviewStatus.Withdrawn => order.Status is OrderStatus.UnderReview or OrderStatus.AwaitingApproval ? order.Withdraw(review.DecisionComment ?? "", Now) : Result.Success(),
        };
#pragma warning restore CP0001
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
