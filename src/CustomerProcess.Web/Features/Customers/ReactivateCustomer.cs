using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>The owner (or the sales manager) makes an inactive customer active again; a direct act, audited.</summary>
public static class ReactivateCustomer
{
    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public async Task<Result> HandleAsync(Customer customer, CancellationToken cancellationToken)
        {
            var result = customer.Reactivate();
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }
}
