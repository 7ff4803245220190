using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The sales manager raises the review level (never lowers it); the subject's facts decide the extra sections.</summary>
public static class RaiseLevel
{
    public sealed class Input
    {
        public ReviewLevel Level { get; set; }

        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Level).IsInEnum();
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for raising the level."]).MaxLength(Review.TextLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, ReviewSubjects subjects, ReviewActs acts) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid reviewId, string userId, Input input, CancellationToken cancellationToken)
        {
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            return await acts.RunAsync(reviewId, async (review, _) =>
            {
                var decision = await subjects.For(review.SubjectKind).DecisionAtLevelAsync(review.SubjectId, input.Level, cancellationToken);
                return decision is null ? Result.Failure(ReviewActs.NotFound) : review.RaiseLevel(decision, name, input.Reason.Trim());
            }, cancellationToken);
        }
    }
}
