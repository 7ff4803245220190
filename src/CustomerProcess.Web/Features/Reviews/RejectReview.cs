using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The general manager rejects a review awaiting approval, with the reason and the password; the subject
/// follows (an order is rejected, a contract change lets go of its contract) in the same save.</summary>
public static class RejectReview
{
    public sealed class Input
    {
        public string Password { get; set; } = "";

        public string? Comment { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Comment).NotEmpty().WithMessage(_ => l["Give the reason for the rejection."]);
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Re-enter your password to sign."]).MaxLength(PasswordPolicy.MaximumLength, l);
            RuleFor(x => x.Comment).MaximumLength(Review.TextLength).WithMessage(_ => l["The comment is too long."]);
        }
    }

    public sealed class Handler(ReviewActs acts, SignaturePassword password) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid reviewId, string userId, Input input, CancellationToken cancellationToken)
        {
            var signer = await password.VerifyAsync(userId, input.Password);
            if (!signer.Succeeded)
            {
                return Result.Failure(signer.Error!);
            }

            var reason = input.Comment?.Trim() ?? "";
            return await acts.RunAsync(reviewId, (review, _) =>
                review.RejectByGeneralManager(userId, signer.Value!, reason, acts.Now) is { Succeeded: false } r ? Result.Failure(r.Error!) : Result.Success(), cancellationToken);
        }
    }
}
