using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>Adds a contact person to a customer's file. The input and its validator are <see cref="ContactInput"/>.</summary>
public static class AddCustomerContact
{
    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public async Task HandleAsync(Customer customer, ContactInput input, CancellationToken cancellationToken)
        {
            customer.AddContact(input.Name.Trim(), input.Title?.Trim(), input.Phone?.Trim(), input.Email?.Trim(), input.IsPrimary);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
