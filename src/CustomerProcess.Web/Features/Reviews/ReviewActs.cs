using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>
/// What every review use case does around its act: load the review and its subject (through the subject's
/// source), act, let the review move on and the subject follow, and save once — all of it, or nothing —
/// retried on a concurrency conflict against fresh data.
/// </summary>
public sealed class ReviewActs(AppDbContext db, ReviewSubjects subjects, TimeProvider clock, Notifications.Notifier notifier, CustomerProcess.Infrastructure.Auditing.ICurrentUser user)
{
    public static readonly DomainError NotFound = DomainError.NotFound("review.not-found", "The review does not exist.");

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Result> RunAsync(Guid reviewId, Func<Review, IReviewedSubject, Task<Result>> act, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var review = await db.LoadReviewAsync(reviewId, cancellationToken);
            var subject = review is null ? null : await subjects.For(review.SubjectKind).LoadAsync(review.SubjectId, cancellationToken);
            if (review is null || subject is null)
            {
                return Result.Failure(NotFound);
            }

            var acted = await act(review, subject);
            if (!acted.Succeeded)
            {
                return acted;
            }

            // A decision is bound to the content it decided on (ADR 0032).
            await SignedContent.BindNewSignaturesAsync(db, subjects.For(review.SubjectKind), review.SubjectId, cancellationToken);

            var followed = review.MoveOn(subject, Now);
            if (!followed.Succeeded)
            {
                return followed;
            }

            await notifier.ReviewActedAsync(review, user.UserId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });

    public Task<Result> RunAsync(Guid reviewId, Func<Review, IReviewedSubject, Result> act, CancellationToken cancellationToken) =>
        RunAsync(reviewId, (r, s) => Task.FromResult(act(r, s)), cancellationToken);
}

/// <summary>An electronic signature re-checks the signer's password (<see cref="SignatureCredentials"/>).</summary>
public sealed class SignaturePassword(SignatureCredentials credentials)
{
    public static readonly DomainError WrongPassword = new("signature.password", "The password is not correct. Nothing was signed.");
    public static readonly DomainError LockedOut = new("signature.locked-out", "Too many wrong passwords: signing is locked for a while. Nothing was signed; try again later or ask an administrator.");

    /// <summary>The signer's display name, or the reason nothing may be signed.</summary>
    public async Task<Result<string>> VerifyAsync(string userId, string password)
    {
        var (check, signer) = await credentials.VerifyAsync(userId, password);
        return signer is null
            ? Result<string>.Failure(check == CredentialCheck.LockedOut ? LockedOut : WrongPassword)
            : Result<string>.Success(signer.DisplayName);
    }
}

/// <summary>How reviews are read from the database.</summary>
public static class ReviewStore
{
    /// <summary>The review with its sections, signatures and discrepancies, tracked.</summary>
    public static Task<Review?> LoadReviewAsync(this AppDbContext db, Guid reviewId, CancellationToken cancellationToken) =>
        db.Reviews
            .Include(r => r.Sections)
            .Include(r => r.Signatures)
            .Include(r => r.Discrepancies)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);

    /// <summary>The same for display only: not tracked.</summary>
    public static Task<Review?> ReadReviewAsync(this AppDbContext db, Guid reviewId, CancellationToken cancellationToken) =>
        db.Reviews.AsNoTracking()
            .Include(r => r.Sections)
            .Include(r => r.Signatures)
            .Include(r => r.Discrepancies)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
}
