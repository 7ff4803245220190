using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>The administrator sets the tender review threshold (ADR 0020); tender reviews opened afterwards use it.</summary>
public static class ChangeTenderPolicy
{
    public sealed class Input
    {
        public decimal? FullReviewAmount { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.FullReviewAmount).NotNull().WithMessage(_ => l["The tender threshold must be above zero."])
                .GreaterThan(0m).WithMessage(_ => l["The tender threshold must be above zero."])
                .LessThan(1_000_000_000_000m).WithMessage(_ => l["The amount is too large."]);
    }

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public Task<Result> HandleAsync(Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var thresholds = new TenderThresholds(input.FullReviewAmount!.Value);
                var setting = await db.TenderPolicySettings.FirstOrDefaultAsync(cancellationToken);
                if (setting is null)
                {
                    if (!thresholds.IsValid)
                    {
                        return Result.Failure(TenderPolicySetting.Invalid);
                    }

                    db.TenderPolicySettings.Add(new TenderPolicySetting(thresholds));
                }
                else if (setting.Change(thresholds) is { Succeeded: false } refused)
                {
                    return refused;
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            });
    }
}
