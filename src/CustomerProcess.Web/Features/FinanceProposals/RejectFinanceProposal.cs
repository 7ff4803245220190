using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.FinanceProposals;

/// <summary>Finance rejects a proposal; the customer's figures stay as they are (ADR 0012).</summary>
public static class RejectFinanceProposal
{
    public sealed class Input
    {
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Note!).MaxLength(CustomerFinanceProposal.ReasonLength, l);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid proposalId, Input input, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var proposal = await db.CustomerFinanceProposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
                if (proposal is null)
                {
                    return Result.Failure(ConfirmFinanceProposal.Handler.NotFound);
                }

                var userId = user.UserId!;
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
                var rejected = proposal.Reject(userId, name, clock.GetUtcNow().UtcDateTime, note);
                if (rejected.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return rejected;
            });
    }
}
