using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>A department head (or deputy) signs the department's section with the password (docs/process.md §4, §11).
/// When the signature completes the review, the review moves on and its subject follows in the same transaction.</summary>
public static class SignSection
{
    public sealed class Input
    {
        public SectionConclusion? Conclusion { get; set; }

        public string? Comments { get; set; }

        public List<string> Checked { get; set; } = [];

        public int ContentVersion { get; set; }

        public string Password { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Conclusion).NotNull().WithMessage(_ => l["Choose a conclusion: accept, accept with conditions, or reject."]).IsInEnum();
            RuleFor(x => x.Comments).NotEmpty().When(x => x.Conclusion is SectionConclusion.AcceptWithConditions or SectionConclusion.Reject)
                .WithMessage(_ => l["State the conditions or the reason in the comments."]);
            RuleFor(x => x.Comments).MaximumLength(ReviewSignature.TextLength).WithMessage(_ => l["The comments are too long."]);
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Re-enter your password to sign."]).MaxLength(PasswordPolicy.MaximumLength, l);
            RuleForEach(x => x.Checked).MaxLength(ReviewSignature.TextLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, ReviewSubjects subjects, SignaturePassword password, TimeProvider clock, Notifications.Notifier notifier) : IUseCase
    {
        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        public async Task<Result> HandleAsync(Guid reviewId, string department, string userId, Input input, CancellationToken cancellationToken)
        {
            var signer = await password.VerifyAsync(userId, input.Password);
            if (!signer.Succeeded)
            {
                return Result.Failure(signer.Error!);
            }

            // Only items on this department's checklist are recorded.
            var items = ReviewDepartments.Checklist(department);
            var checkedItems = input.Checked.Where(items.Contains).Distinct().ToList();
            var comments = string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments.Trim();

            db.ChangeTracker.Clear();
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                // What Review.Sign decides on: status, sections and discrepancies (one query) and the subject's content
                // version. Earlier signatures and the subject itself are read only when this signature completes the review.
                var review = await db.Reviews
                    .Include(r => r.Sections)
                    .Include(r => r.Discrepancies)
                    .AsSingleQuery()
                    .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
                var source = review is null ? null : subjects.For(review.SubjectKind);
                var contentVersion = source is null ? null : await source.ContentVersionAsync(review!.SubjectId, cancellationToken);
                if (review is null || source is null || contentVersion is null)
                {
                    return Result.Failure(ReviewActs.NotFound);
                }

                var signed = review.Sign(department, userId, signer.Value!, input.Conclusion!.Value, comments, checkedItems, input.ContentVersion, contentVersion.Value, Now);
                if (!signed.Succeeded)
                {
                    return Result.Failure(signed.Error!);
                }

                // The signature is bound to the content it signed (ADR 0032).
                await SignedContent.BindNewSignaturesAsync(db, source, review.SubjectId, cancellationToken);

                // One transaction: the signature, and — when it completes the review — the review's move and the
                // subject's reaction. Of two heads signing the last two sections at once, the later writer sees
                // both signed here (its own write and the other's commit) and moves the review on.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var complete = await db.Reviews.AnyAsync(
                    r => r.Id == reviewId && r.Status == ReviewStatus.InProgress && r.Sections.All(s => s.Status == SectionStatus.Signed),
                    cancellationToken);
                if (complete)
                {
                    // Read again what others committed since this request loaded the review.
                    await db.Entry(review).ReloadAsync(cancellationToken);
                    foreach (var entity in review.Sections.Cast<object>().Concat(review.Discrepancies).ToList())
                    {
                        await db.Entry(entity).ReloadAsync(cancellationToken);
                    }

                    await db.Entry(review).Collection(r => r.Discrepancies).LoadAsync(cancellationToken);
                    await db.Entry(review).Collection(r => r.Signatures).LoadAsync(cancellationToken);
                    var subject = await source.LoadAsync(review.SubjectId, cancellationToken);
                    if (subject is null)
                    {
                        return Result.Failure(ReviewActs.NotFound);
                    }

                    var followed = review.MoveOn(subject, Now);
                    if (!followed.Succeeded)
                    {
                        return followed;
                    }

                    await notifier.ReviewActedAsync(review, userId, cancellationToken, completedNow: true);
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return Result.Success();
            });
        }
    }
}
