using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The sales manager records how the customer clarified a discrepancy. A resolution that changes the content
/// moves the subject's content version on and invalidates every signature, in the same save.</summary>
public static class ResolveDiscrepancy
{
    public sealed class Input
    {
        public string Resolution { get; set; } = "";

        public EvidenceType Evidence { get; set; } = EvidenceType.PhoneNote;

        public string? EvidenceReference { get; set; }

        public bool ChangesContent { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Resolution).NotEmpty().WithMessage(_ => l["Record how it was resolved with the customer."])
                .MaximumLength(Discrepancy.TextLength).WithMessage(_ => l["The resolution is too long."]);
            RuleFor(x => x.Evidence).IsInEnum();
            RuleFor(x => x.EvidenceReference).MaximumLength(500).WithMessage(_ => l["The reference is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db, ReviewActs acts) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid reviewId, Guid discrepancyId, string userId, Input input, CancellationToken cancellationToken)
        {
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var reference = string.IsNullOrWhiteSpace(input.EvidenceReference) ? null : input.EvidenceReference.Trim();
            return await acts.RunAsync(reviewId, (review, subject) =>
            {
                if (input.ChangesContent && subject is IContentChangingSubject changing)
                {
                    changing.MarkContentChanged();
                }

                return review.ResolveDiscrepancy(discrepancyId, input.Resolution.Trim(), input.Evidence, reference, input.ChangesContent, name, subject.ContentVersion, acts.Now);
            }, cancellationToken);
        }
    }
}
