using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.FinanceProposals;

/// <summary>Finance confirms what sales proposed: the customer's bank details, credit limit and credit rating become the
/// proposed ones in the same save (ADR 0012).</summary>
public static class ConfirmFinanceProposal
{
    public sealed class Input
    {
    }

    public sealed class Validator : AbstractValidator<Input>
    {
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("customer.finance.not-found", "The proposal does not exist.");

        public Task<Result> HandleAsync(Guid proposalId, CancellationToken cancellationToken) =>
            ConcurrencyRetry.RunAsync(db, async () =>
            {
                var proposal = await db.CustomerFinanceProposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
                if (proposal is null)
                {
                    return Result.Failure(NotFound);
                }

                var customer = await db.Customers.FirstAsync(c => c.Id == proposal.CustomerId, cancellationToken);
                var userId = user.UserId!;
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                var confirmed = proposal.Confirm(customer, userId, name, clock.GetUtcNow().UtcDateTime);
                if (confirmed.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return confirmed;
            });
    }
}
