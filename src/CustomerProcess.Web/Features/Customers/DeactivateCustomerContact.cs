using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>Takes a contact off the customer's active list; the record is kept.</summary>
public static class DeactivateCustomerContact
{
    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("customer.contact.not-found", "The contact does not exist.");

        public async Task<Result<string>> HandleAsync(Customer customer, Guid contactId, CancellationToken cancellationToken)
        {
            var contact = customer.Contacts.FirstOrDefault(c => c.Id == contactId);
            if (contact is null)
            {
                return NotFound;
            }

            contact.Deactivate();
            await db.SaveChangesAsync(cancellationToken);
            return Result<string>.Success(contact.Name);
        }
    }
}
