using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>An approved disposal is carried out (ADR 0041): every named record is checked against today's periods and the
/// record chain again, the SHA-256 of their content is kept on the disposal record, and each record is marked disposed with
/// its texts blanked, all in one save. No row is deleted; the audit trail records the blanking like any change.</summary>
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

                if (!RetentionQueries.IsDisposable(disposal.RecordType))
                {
                    return Result.Failure(DisposalRecord.NotDisposable.With(disposal.RecordType));
                }

                var ids = disposal.Items.Select(i => i.RecordId).ToList();
                if (disposal.Status == DisposalStatus.Approved && await retention.ChainRefusalAsync(disposal.RecordType, ids, cancellationToken) is { } chain)
                {
                    return Result.Failure(chain);
                }

                var records = await LoadAsync(disposal.RecordType, ids, cancellationToken);
                var ordered = disposal.Items.Select(i => records.First(r => r.Id == i.RecordId) with { Number = i.RecordNumber }).ToList();
                var candidates = ordered.Select(r => new DisposalCandidate(r.Id, r.Number, r.ClosedOn)).ToList();
                var hash = DisposalRecord.HashOf(ordered.Select(r => r.Content(r.Number)));
                var now = clock.GetUtcNow().UtcDateTime;
                var userId = user.UserId!;
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var executed = disposal.Execute(candidates, hash, retention.Policy, retention.Today, userId, name, now);
                if (!executed.Succeeded)
                {
                    return executed;
                }

                foreach (var record in ordered)
                {
                    var marked = record.Mark(record.Number, disposal.Id, now);
                    if (!marked.Succeeded)
                    {
                        return marked;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            });

        /// <summary>The records with their children, tracked, each with its closing day, its content and how it is marked.</summary>
        private async Task<List<Retained>> LoadAsync(RetentionRecordType type, List<Guid> ids, CancellationToken cancellationToken)
        {
            switch (type)
            {
                case RetentionRecordType.Complaints:
                    return (await db.Complaints.Include(c => c.Actions).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken))
                        .Select(c => new Retained(c.Id, c.Number, c.ClosedAtUtc is { } at ? RetentionPolicy.ClosingDay(at) : null, _ => c.RetainedContent(), (_, d, n) => c.MarkDisposed(d, n)))
                        .ToList();
                case RetentionRecordType.Contracts:
                    return (await db.Contracts.Include("_lines").Include("_deliveries").Where(c => ids.Contains(c.Id)).AsSplitQuery().ToListAsync(cancellationToken))
                        .Select(c => new Retained(c.Id, c.Number, c.ClosedOn, _ => c.RetainedContent(), (_, d, n) => c.MarkDisposed(d, n)))
                        .ToList();
                case RetentionRecordType.CustomerProperty:
                    return (await db.CustomerPropertyItems.Include(p => p.Incidents).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
                        .Select(p => new Retained(p.Id, p.Number, p.ReturnedOn, _ => p.RetainedContent(), (_, d, n) => p.MarkDisposed(d, n)))
                        .ToList();
                case RetentionRecordType.Reviews:
                    return (await db.Reviews.Include(r => r.Signatures).Include(r => r.Discrepancies).Where(r => ids.Contains(r.Id)).AsSplitQuery().ToListAsync(cancellationToken))
                        .Select(r => new Retained(r.Id, "", r.DecidedAtUtc is { } at ? RetentionPolicy.ClosingDay(at) : null, r.RetainedContent, r.MarkDisposed))
                        .ToList();
                case RetentionRecordType.Surveys:
                    return (await db.SurveyResponses.Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken))
                        .Select(s => new Retained(s.Id, "", RetentionPolicy.ClosingDay(s.SubmittedAtUtc), s.RetainedContent, s.MarkDisposed))
                        .ToList();
                case RetentionRecordType.AuditEntries:
                default:
                    throw new ArgumentOutOfRangeException(nameof(type), type, null);
            }
        }
    }

    /// <summary>A record about to be disposed of: its closing day, its canonical content and the act that blanks it.</summary>
    private sealed record Retained(Guid Id, string Number, DateOnly? ClosedOn, Func<string, string> Content, Func<string, Guid, DateTime, Result> Mark);
}
