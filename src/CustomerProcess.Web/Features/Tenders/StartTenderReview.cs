using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>Sales opens the go/no-go review of the invitation or the review of the bid: the engine's review, routed
/// by <see cref="TenderReviewPolicy"/> (estimate or bid amount), saved with the tender's move in one save.</summary>
public static class StartTenderReview
{
    public sealed class Input
    {
        public TenderReviewStage Stage { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => RuleFor(x => x.Stage).IsInEnum();
    }

    public sealed class Handler(AppDbContext db, TenderAccess access, TimeProvider clock, OpenReview openReview) : IUseCase
    {
        public Task<Result<Guid>> HandleAsync(Guid tenderId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var loaded = await access.LoadForChangeAsync(tenderId, user, cancellationToken);
                if (!loaded.Succeeded)
                {
                    return Result<Guid>.Failure(loaded.Error!);
                }

                var tender = loaded.Value!;
                var moved = input.Stage switch
                {
                    TenderReviewStage.GoNoGo => tender.StartGoNoGoReview(),
                    TenderReviewStage.Bid => tender.StartBidReview(),
                };
                if (!moved.Succeeded)
                {
                    return Result<Guid>.Failure(moved.Error!);
                }

                var thresholds = await TenderAccess.ThresholdsAsync(db, cancellationToken);
                var route = TenderReviewPolicy.Decide(input.Stage, tender.ReviewAmount(input.Stage), thresholds);
                IReviewedSubject subject = input.Stage switch
                {
                    TenderReviewStage.GoNoGo => new TenderInvitationSubject(tender),
                    TenderReviewStage.Bid => new BidSubject(tender),
                };
                var review = await openReview.ForAsync(subject, TenderInvitationSubject.Decision(route), TenderReviewPolicy.Snapshot(thresholds), clock.GetUtcNow().UtcDateTime, null, cancellationToken);
                // The tendering party as the archive knows it when the review opens (issue #16).
                var party = await db.Customers.Where(c => c.Id == tender.CustomerId).Select(c => new { c.Class, c.CreditRating, c.CreditLimit }).FirstOrDefaultAsync(cancellationToken);
                if (party is not null)
                {
                    review.RecordCustomerAtSubmission(party.Class, party.CreditRating, party.CreditLimit);
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(review.Id);
            });
    }
}
