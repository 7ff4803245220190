using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The side that asked for the review withdraws it (with the reason); the subject follows (an order is
/// withdrawn) in the same save.</summary>
public static class WithdrawReview
{
    public sealed class Input
    {
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for withdrawing the order."]).MaxLength(Review.TextLength, l);
    }

    public sealed class Handler(ReviewActs acts) : IUseCase
    {
        public Task<Result> HandleAsync(Guid reviewId, string byName, Input input, CancellationToken cancellationToken) =>
            acts.RunAsync(reviewId, (review, _) => review.Withdraw(byName, input.Reason.Trim(), acts.Now), cancellationToken);
    }
}
