using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>The general manager approves or rejects a requested disposal; someone other than the requester (ADR 0041).
/// A rejection disposes of nothing and the request stays on record.</summary>
public static class DecideDisposal
{
    public sealed class Input
    {
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Note!).MaxLength(DisposalRecord.ReasonLength, l);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid disposalId, bool approve, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var disposal = await db.DisposalRecords.FirstOrDefaultAsync(d => d.Id == disposalId, cancellationToken);
                if (disposal is null)
                {
                    return Result.Failure(ExecuteDisposal.Handler.NotFound);
                }

                var userId = user.UserId!;
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
                var now = clock.GetUtcNow().UtcDateTime;
                var decided = approve ? disposal.Approve(userId, name, now, note) : disposal.Reject(userId, name, now, note);
                if (decided.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return decided;
            });
    }
}
