using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The general manager approves a complete full or meeting-level review with the password; the subject
/// follows (an order is approved, a contract change is applied and its contract released) in the same save.</summary>
public static class ApproveReview
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

            var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            return await acts.RunAsync(reviewId, (review, subject) =>
                review.Approve(userId, signer.Value!, comment, subject, acts.Now) is { Succeeded: false } r ? Result.Failure(r.Error!) : Result.Success(), cancellationToken);
        }
    }
}
