using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>A department finds something unclear, unachievable or inconsistent and raises a discrepancy instead of
/// signing; a review awaiting approval goes back to review (the subject follows) in the same save.</summary>
public static class RaiseDiscrepancy
{
    public sealed class Input
    {
        public string Clause { get; set; } = "";

        public string Description { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Clause).NotEmpty().WithMessage(_ => l["Name the clause or requirement concerned."]).MaximumLength(500).WithMessage(_ => l["The clause is too long."]);
            RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe what is unclear, unachievable or inconsistent."])
                .MaximumLength(Discrepancy.TextLength).WithMessage(_ => l["The description is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db, ReviewActs acts) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid reviewId, string department, string userId, Input input, CancellationToken cancellationToken)
        {
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            return await acts.RunAsync(reviewId, (review, _) =>
                review.RaiseDiscrepancy(department, userId, name, input.Clause.Trim(), input.Description.Trim(), acts.Now) is { Succeeded: false } r
                    ? Result.Failure(r.Error!)
                    : Result.Success(), cancellationToken);
        }
    }
}
