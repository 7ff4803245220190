using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>Creates a customer owned by the acting user; only the sales manager may name another owner. Bank details,
/// credit limit and credit rating entered here are a proposal for finance (ADR 0012). The input and its validator are
/// <see cref="CustomerInput"/>, shared with <see cref="EditCustomer"/> (one form).</summary>
public static class CreateCustomer
{
    public sealed class Handler(AppDbContext db, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError CodeTaken = new("customer.code.taken", "The customer code {0} is already used.");

        public static readonly DomainError NotEarnedAtCreation = new("customer.class.create", "A customer starts as a prospect or a new customer; other classes are asked for with a reason once it exists.");

        public async Task<Result<Guid>> HandleAsync(CustomerInput input, string? actingUserId, bool isSalesManager, CancellationToken cancellationToken)
        {
            var code = input.Code.Trim().ToUpperInvariant();
            if (!CustomerClassRules.MayCreateAs(input.Class))
            {
                return NotEarnedAtCreation;
            }

            if (await db.Customers.AnyAsync(c => c.Code == code, cancellationToken))
            {
                return CodeTaken.With(code);
            }

            var customer = new Customer(code, input.Name.Trim(), input.Class, !isSalesManager || string.IsNullOrWhiteSpace(input.OwnerUserId) ? actingUserId : input.OwnerUserId);
            CustomerForm.Apply(customer, input);
            if (!string.IsNullOrWhiteSpace(input.ContactName))
            {
                customer.AddContact(input.ContactName.Trim(), CustomerForm.Clean(input.ContactTitle), CustomerForm.Clean(input.ContactPhone), CustomerForm.Clean(input.ContactEmail), isPrimary: true);
            }

            db.Customers.Add(customer);
            await CustomerForm.ProposeFinanceTermsAsync(db, customer, input, actingUserId, clock.GetUtcNow().UtcDateTime, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await db.Customers.AsNoTracking().AnyAsync(c => c.Code == code, cancellationToken))
                {
                    // Someone else took the code between the check and the insert.
                    return CodeTaken.With(code);
                }

                throw;
            }

            return Result<Guid>.Success(customer.Id);
        }
    }
}
