using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>An approved disposal is carried out (ADR 0041): every named record is checked against today's periods again,
/// the SHA-256 of their content is kept on the disposal record, and each record is marked disposed with its texts blanked,
/// all in one save. No row is deleted; the audit trail records the blanking like any change and is not touched otherwise.</summary>
public static class ExecuteDisposal
{
    public sealed class Input
    {
    }

    public sealed class Validator : AbstractValidator<Input>
    {
    }

    public sealed class Handler(AppDbContext db, RetentionQueries retention, ICurrentUser user, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("disposal.not-found", "The disposal does not exist.");

        public Task<Result> HandleAsync(Guid disposalId, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var disposal = await db.DisposalRecords.Include(d => d.Items).FirstOrDefaultAsync(d => d.Id == disposalId, cancellationToken);
                if (disposal is null)
                {
                    return Result.Failure(NotFound);
                }

                if (disposal.RecordType != RetentionRecordType.Complaints)
                {
                    return Result.Failure(DisposalRecord.NotDisposable.With(disposal.RecordType));
                }

                var ids = disposal.Items.Select(i => i.RecordId).ToList();
                var complaints = await db.Complaints.Include(c => c.Actions).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
                var ordered = disposal.Items.Select(i => complaints.First(c => c.Id == i.RecordId)).ToList();
                var candidates = ordered
                    .Select(c => new DisposalCandidate(c.Id, c.Number, c.ClosedAtUtc is { } closed ? RetentionPolicy.ClosingDay(closed) : null))
                    .ToList();
                var hash = DisposalRecord.HashOf(ordered.Select(c => c.RetainedContent()));
                var now = clock.GetUtcNow().UtcDateTime;
                var userId = user.UserId!;
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var executed = disposal.Execute(candidates, hash, retention.Policy, retention.Today, userId, name, now);
                if (!executed.Succeeded)
                {
                    return executed;
                }

                foreach (var complaint in ordered)
                {
                    var marked = complaint.MarkDisposed(disposal.Id, now);
                    if (!marked.Succeeded)
                    {
                        return marked;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            });
    }
}
