using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>Saves the customer form against the version it was loaded with. A change of owner is the sales manager's
/// act: anyone else's posted owner is ignored. Changed bank details, credit limit or credit rating become a proposal
/// for finance; the customer's own figures stay as they are. The class is earned or approved, never typed (issue #16).</summary>
public static class EditCustomer
{
    public sealed class Handler(AppDbContext db, EditConflicts conflicts, TimeProvider clock) : IUseCase
    {
        /// <summary>The form was loaded before someone else saved the customer; nothing was saved.</summary>
        public static readonly DomainError Stale = DomainError.Conflict("customer.stale", "Someone else changed this record while you were editing.");

        public async Task<Result> HandleAsync(Customer customer, CustomerInput input, string? actingUserId, bool isSalesManager, CancellationToken cancellationToken)
        {
            if (input.Version != customer.Version)
            {
                return Stale;
            }

            if (input.Class != customer.Class)
            {
                return CustomerClassRules.CanChange(customer.Class, input.Class)
                    ? CustomerClassRules.NotEarned.With(customer.Class, input.Class)
                    : CustomerClassRules.IllegalChange.With(customer.Class, input.Class);
            }

            CustomerForm.Apply(customer, input);
            if (isSalesManager && !string.IsNullOrWhiteSpace(input.OwnerUserId))
            {
                customer.AssignOwner(input.OwnerUserId);
            }

            await CustomerForm.ProposeFinanceTermsAsync(db, customer, input, actingUserId, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return await conflicts.SaveAtVersionAsync(customer, input.Version, cancellationToken) ? Result.Success() : Stale;
        }
    }
}
