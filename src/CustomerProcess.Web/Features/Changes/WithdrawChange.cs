using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Changes;

/// <summary>The side that asked withdraws a change (the user who recorded it, or the sales manager or GM): a
/// review under way is withdrawn too and the order gets the contract's lines back (docs/process.md §6).</summary>
public static class WithdrawChange
{
    public sealed class Input
    {
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Give the reason for withdrawing the change."])
                .MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
    }

    public sealed class Handler(AppDbContext db, ContractTracking tracking, TimeProvider clock) : IUseCase
    {
        /// <summary>The change exists (→ NotFound) and the user recorded it or decides changes (→ Forbidden).</summary>
        public async Task<Result> AuthorizeAsync(Guid changeId, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var recordedBy = await db.ContractChanges.Where(c => c.Id == changeId).Select(c => c.RecordedByUserId).FirstOrDefaultAsync(cancellationToken);
            return recordedBy is null ? ChangeDecisions.NotFound
                : recordedBy != TrackingAccess.UserId(user) && !TrackingAccess.CanDecideChanges(user) ? TrackingAccess.NotAllowed
                : Result.Success();
        }

        public async Task<Result> HandleAsync(Guid changeId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(changeId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed;
            }

            var reason = input.Note!.Trim();
            var userName = await tracking.NameOfAsync(TrackingAccess.UserId(user), cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var change = await ChangeDecisions.FindAsync(db, changeId, cancellationToken);
                var contract = change is null ? null : await tracking.LoadAsync(change.ContractId, cancellationToken);
                if (change is null || contract is null)
                {
                    return Result.Failure(ChangeDecisions.NotFound);
                }

                var underReview = change.Status == ChangeStatus.UnderReview;
                var result = change.Withdraw(contract, userName, reason, now);
                if (!result.Succeeded)
                {
                    return result;
                }

                if (underReview && change.ReviewId is { } reviewId)
                {
                    var review = await db.Reviews.FirstAsync(r => r.Id == reviewId, cancellationToken);
                    if (review.Status is ReviewStatus.InProgress or ReviewStatus.AwaitingApproval)
                    {
                        var withdrawn = review.Withdraw(userName, reason, now);
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
        }
    }
}
