using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Policy;

/// <summary>The administrator changes the review thresholds; orders submitted afterwards use them (audited).</summary>
public static class ChangeReviewPolicy
{
    public sealed class Input
    {
        public decimal FullReviewAmount { get; set; }

        public decimal ReviewMeetingAmount { get; set; }

        public decimal BillOfLadingAmount { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.FullReviewAmount).GreaterThan(0).WithMessage(_ => l["The full-review threshold must be above zero."]);
            RuleFor(x => x.ReviewMeetingAmount).GreaterThan(x => x.FullReviewAmount).WithMessage(_ => l["The review-meeting threshold must be above the full-review threshold."]);
            RuleFor(x => x.BillOfLadingAmount).GreaterThanOrEqualTo(0).WithMessage(_ => l["The bill-of-lading threshold cannot be negative."]);
            RuleFor(x => x.ReviewMeetingAmount).LessThan(1_000_000_000_000m).WithMessage(_ => l["The amount is too large."]);
        }
    }

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public Task<Result> HandleAsync(Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var thresholds = new ReviewThresholds(input.FullReviewAmount, input.ReviewMeetingAmount, input.BillOfLadingAmount);
                var setting = await db.ReviewPolicySettings.FirstOrDefaultAsync(cancellationToken);
                if (setting is null)
                {
                    if (!thresholds.IsValid)
                    {
                        return Result.Failure(ReviewPolicySetting.Invalid);
                    }

                    db.ReviewPolicySettings.Add(new ReviewPolicySetting(thresholds));
                }
                else
                {
                    var changed = setting.Change(thresholds);
                    if (!changed.Succeeded)
                    {
                        return changed;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            });
    }
}
