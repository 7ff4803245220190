using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Changes;

/// <summary>
/// The sales manager (or the GM) accepts a change (docs/process.md §6); what follows is what
/// <see cref="ChangeRules.ConsequenceOf"/> says for its kind: a new version with a revised task notice, a new
/// quotation, a product change notice, a new review of the changed content (the contract is held until it
/// ends), or the termination of the contract. All of it commits in one save.
/// </summary>
public static class AcceptChange
{
    public const string QuotationPrefix = "BJ";

    public sealed class Input
    {
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Note).MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
    }

    public sealed class Handler(
        AppDbContext db,
        ContractTracking tracking,
        NoticeWorkflow notices,
        ReviewRouting routing,
        DocumentNumbers numbers,
        OpenReview openReview,
        Notifications.Notifier notifier,
        TimeProvider clock) : IUseCase
    {
        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        /// <summary>The change exists (→ NotFound) and the user decides changes (→ Forbidden): checked before the form's own messages.</summary>
        public Task<Result> AuthorizeAsync(Guid changeId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ChangeDecisions.AuthorizeDeciderAsync(db, changeId, user, cancellationToken);

        /// <summary>Accepts the change and returns it as it stands afterwards (its consequence, version, notice …).</summary>
        public async Task<Result<ContractChange>> HandleAsync(Guid changeId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(changeId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed.Error!;
            }

            var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            var userId = TrackingAccess.UserId(user);
            var userName = await tracking.NameOfAsync(userId, cancellationToken);
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var change = await ChangeDecisions.FindAsync(db, changeId, cancellationToken);
                var contract = change is null ? null : await tracking.LoadAsync(change.ContractId, cancellationToken);
                if (change is null || contract is null)
                {
                    return Result<ContractChange>.Failure(ChangeDecisions.NotFound);
                }

                var result = change.Consequence switch
                {
                    ChangeConsequence.RevisedTaskNotice => await ReviseTaskNoticeAsync(change, contract, note, userId, userName, cancellationToken),
                    ChangeConsequence.NewQuotation => await QuoteAsync(change, contract, note, userName, cancellationToken),
                    ChangeConsequence.ProductChangeNotice => await ProductChangeNoticeAsync(change, contract, note, userId, userName, cancellationToken),
                    ChangeConsequence.FullReview => await OpenReviewAsync(change, contract, userId, userName, cancellationToken),
                    ChangeConsequence.BothPartiesConfirm => change.ConfirmTermination(contract, userName, Now, tracking.Today),
                };
                if (!result.Succeeded)
                {
                    return Result<ContractChange>.Failure(result.Error!);
                }

                // A quantity reduced to what was delivered (and paid) may complete the contract.
                if (contract.CompleteWhenPerformed(tracking.Today))
                {
                    await tracking.PromoteCustomerIfCompletedAsync(contract, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result<ContractChange>.Success(change);
            });
        }

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
            await notifier.TaskNoticeIssuedAsync(revised.Value!, userId, cancellationToken);
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
            await notifier.TaskNoticeIssuedAsync(notice.Value!, userId, cancellationToken);
            return Result.Success();
        }

        /// <summary>Structure or specification: the contracted order carries the changed lines and a new review
        /// (at least the full countersign level: "full review again") reviews them.</summary>
        private async Task<Result> OpenReviewAsync(ContractChange change, Contract contract, string userId, string userName, CancellationToken cancellationToken)
        {
            var order = await db.SalesOrders.Include("_lines").FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
            var revised = order.ReviseContractedLines(ChangeUnderReview.ToOrderLines(order, change.ProposedLineData));
            if (!revised.Succeeded)
            {
                return revised;
            }

            var customer = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => new { c.Class, c.CreditRating, c.CreditLimit }).FirstAsync(cancellationToken);
            var (routed, facts, thresholds) = await routing.DecideAsync(order, customer.Class, cancellationToken);
            var decision = ReviewPolicy.ForLevel(ChangeUnderReview.LevelFor(routed.Level), ChangeUnderReview.ReasonsFor(change, contract, routed.Reasons), facts);
            var review = Review.Open(ReviewSubjectKind.ContractChange, change.Id, decision, thresholds, order.ContentVersion, Now);
            review.RecordCustomerAtSubmission(customer.Class, customer.CreditRating, customer.CreditLimit); // what the rules used (issue #16)
            var sent = change.SendToReview(contract, review.Id, userName, Now);
            if (!sent.Succeeded)
            {
                return sent;
            }

            await openReview.AddAsync(review, userId, cancellationToken);
            return Result.Success();
        }
    }
}
