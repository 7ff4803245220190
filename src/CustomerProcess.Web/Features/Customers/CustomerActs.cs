using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Customers;

/// <summary>Who acts on one customer's archive record: the customer (tracked), the user and whether they are the sales manager.</summary>
public sealed record CustomerActor(Customer Customer, string UserId, bool IsSalesManager)
{
    /// <summary>The owner or the sales manager.</summary>
    public bool MayEdit => Customer.MayBeEditedBy(UserId, IsSalesManager);
}

/// <summary>What the use cases on one customer start with (<see cref="ReportCustomerClosure"/>, <see cref="RequestClassChange"/>,
/// <see cref="RequestDeactivation"/>): the customer and the acting user, 404 when the customer does not exist.</summary>
public static class CustomerActs
{
    public static readonly DomainError NotFound = DomainError.NotFound("customer.not-found", "The customer does not exist.");

    public static async Task<CustomerActor?> LoadAsync(AppDbContext db, ClaimsPrincipal user, Guid customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        return customer is null ? null : new CustomerActor(customer, user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.IsInRole(Roles.SalesManager));
    }

    /// <summary>A request about the customer (a change of class, marking it inactive) asked by the user under their display
    /// name, added and saved once; the domain decides whether the user may ask.</summary>
    public static async Task<Result<Guid>> AskAsync(
        AppDbContext db, ClaimsPrincipal user, Guid customerId,
        Func<CustomerActor, string, Result<CustomerClassChangeRequest>> ask, CancellationToken cancellationToken)
    {
        var actor = await LoadAsync(db, user, customerId, cancellationToken);
        if (actor is null)
        {
            return Result<Guid>.Failure(NotFound);
        }

        var name = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var asked = ask(actor, name);
        if (!asked.Succeeded)
        {
            return Result<Guid>.Failure(asked.Error!);
        }

        db.CustomerClassChangeRequests.Add(asked.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Success(asked.Value!.Id);
    }
}
