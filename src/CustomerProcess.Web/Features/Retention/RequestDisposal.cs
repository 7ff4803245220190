using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>The quality head asks to dispose of records past their retention period, with the reason (docs/process.md §11,
/// ADR 0041). A record not yet due, still open, already disposed of or named in an open disposal is refused.</summary>
public static class RequestDisposal
{
    public sealed class Input
    {
        public RetentionRecordType RecordType { get; set; } = RetentionRecordType.Complaints;

        public List<Guid> RecordIds { get; set; } = [];

        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.RecordType).IsInEnum();
            RuleFor(x => x.RecordIds).NotEmpty().WithMessage(_ => l["Choose at least one record to dispose of."])
                .Must(ids => ids.Count <= DisposalRecord.MaxRecords).WithMessage(_ => l["A disposal names at most {0} records.", DisposalRecord.MaxRecords]);
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give the reason for the disposal."]).MaxLength(DisposalRecord.ReasonLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, RetentionQueries retention, DocumentNumbers numbers, ICurrentUser user, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError UnknownRecord = DomainError.NotFound("disposal.unknown-record", "A chosen record does not exist.");
        public static readonly DomainError AlreadyRequested = new("disposal.already-requested", "Record {0} is already in disposal {1}.");

        public async Task<Result<Guid>> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            if (!RetentionQueries.IsDisposable(input.RecordType))
            {
                return DisposalRecord.NotDisposable.With(input.RecordType);
            }

            var ids = input.RecordIds.Distinct().ToList();
            var found = await retention.CandidatesAsync(input.RecordType, ids, cancellationToken);
            if (found.Count != ids.Count)
            {
                return UnknownRecord;
            }

            var disposed = await retention.FirstDisposedAsync(input.RecordType, ids, cancellationToken);
            if (disposed is not null)
            {
                return DisposalRecord.AlreadyDisposed.With(disposed);
            }

            var open = await (
                    from i in db.DisposalItems
                    join d in db.DisposalRecords on i.DisposalId equals d.Id
                    where ids.Contains(i.RecordId) && (d.Status == DisposalStatus.Requested || d.Status == DisposalStatus.Approved)
                    select new { i.RecordNumber, d.Number })
                .FirstOrDefaultAsync(cancellationToken);
            if (open is not null)
            {
                return AlreadyRequested.With(open.RecordNumber, open.Number);
            }

            var ordered = ids.Select(id => found.First(f => f.RecordId == id)).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            var userId = user.UserId!;
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var today = retention.Today;
            // Check before a number is taken; the domain checks again as it builds the request.
            foreach (var record in ordered)
            {
                var due = DisposalRecord.CheckDue(retention.Policy, input.RecordType, record, today);
                if (!due.Succeeded)
                {
                    return due.Error!;
                }
            }

            if (await retention.ChainRefusalAsync(input.RecordType, ids, cancellationToken) is { } chain)
            {
                return chain;
            }

            var number = await numbers.NextAsync(DisposalRecord.NumberPrefix, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).Year, cancellationToken);
            var requested = DisposalRecord.Request(number, input.RecordType, ordered, input.Reason.Trim(), retention.Policy, today, userId, name, now);
            if (!requested.Succeeded)
            {
                return requested.Error!;
            }

            db.DisposalRecords.Add(requested.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Guid>.Success(requested.Value!.Id);
        }
    }
}
