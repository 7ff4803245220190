using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The sales manager (confirmation and simplified levels) or the business unit head concludes a complete
/// review with the password; the subject follows (an order is approved) in the same save.</summary>
public static class ConcludeReview
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
        public static readonly DomainError NotTheConcluder = DomainError.Forbidden("review.not-concluder", "This review is concluded by someone in another role.");

        public async Task<Result> HandleAsync(Guid reviewId, string userId, ClaimsPrincipal user, Input input, CancellationToken cancellationToken)
        {
            var signer = await password.VerifyAsync(userId, input.Password);
            if (!signer.Succeeded)
            {
                return Result.Failure(signer.Error!);
            }

            var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            return await acts.RunAsync(reviewId, (review, subject) =>
            {
                if (!user.IsInRole(RoleOf(review.Concluder)))
                {
                    return review.Concluder == ReviewConcluder.GeneralManager ? Review.NeedsGeneralManager : NotTheConcluder;
                }

                var concluded = review.Conclude(userId, signer.Value!, comment, subject, acts.Now);
                return concluded.Succeeded ? Result.Success() : Result.Failure(concluded.Error!);
            }, cancellationToken);
        }

        /// <summary>The role that concludes a review with this concluder.</summary>
        public static string RoleOf(ReviewConcluder concluder) => concluder switch
        {
            ReviewConcluder.SalesManager => Roles.SalesManager,
            ReviewConcluder.BusinessUnitHead => Roles.BusinessUnitHead,
            ReviewConcluder.GeneralManager => Roles.GeneralManager,
        };
    }
}
