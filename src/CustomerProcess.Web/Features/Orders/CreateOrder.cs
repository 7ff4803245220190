using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>Sales captures an order as a draft (docs/process.md §3): the customer and product codes are resolved
/// and the order is numbered (DD-yyyy-nnnn) in the same save.</summary>
public static class CreateOrder
{
    public sealed class Input : OrderInput;

    public sealed class Validator(IStringLocalizer<SharedResource> l, TimeProvider clock) : OrderInputValidator<Input>(l, clock);

    public sealed class Handler(AppDbContext db, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError UnknownCustomer = new("order.customer-unknown", "No active customer has the code {0}.");

        public async Task<Result<Guid>> HandleAsync(Input input, string salesUserId, CancellationToken cancellationToken)
        {
            var code = input.CustomerCode.Trim().ToUpperInvariant();
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.Status == CustomerStatus.Active, cancellationToken);
            if (customer is null)
            {
                return UnknownCustomer.With(code);
            }

            var lines = await input.LinesAsync(db, cancellationToken);
            if (!lines.Succeeded)
            {
                return Result<Guid>.Failure(lines.Error!);
            }

            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var number = await numbers.NextAsync("DD", now.Year, cancellationToken);
                var order = new SalesOrder(number, customer.Id, salesUserId, now);
                var filled = order.UpdateDraft(input.Content(), lines.Value!);
                if (!filled.Succeeded)
                {
                    return Result<Guid>.Failure(filled.Error!);
                }

                db.SalesOrders.Add(order);
                await db.SaveChangesAsync(cancellationToken);
                return Result<Guid>.Success(order.Id);
            });
        }
    }
}
