using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>
/// Shared by the use cases that perform a signed contract (docs/process.md §5: RecordDelivery, RecordInvoice,
/// RecordPayment, CloseContract, and the changes in Features/Changes): loads the contract with everything it
/// performs against, and completes it (promoting its customer) in the same transaction as the act that completes it.
/// </summary>
public sealed class ContractTracking(AppDbContext db, TimeProvider clock)
{
    public static readonly DomainError NotFound = DomainError.NotFound("contract.not-found", "The contract does not exist.");

    public DateOnly Today => ContractPerformance.Today(clock, Formatting.DisplayZone);

    /// <summary>The contract with every version's lines and all its performance records. A contract entered
    /// before its lines were kept (version 0) gets version 1 from its order's lines; that is saved with the
    /// next change made to it.</summary>
    public async Task<Contract?> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts
            .Include("_lines")
            .Include("_versions")
            .Include("_deliveries._lines")
            .Include("_invoices")
            .Include("_payments")
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is { CurrentVersion: 0 })
        {
            var order = await db.SalesOrders.AsNoTracking().Include("_lines").FirstAsync(o => o.Id == contract.OrderId, cancellationToken);
            var termDays = await db.Customers.Where(c => c.Id == contract.CustomerId).Select(c => c.PaymentTermDays).FirstAsync(cancellationToken);
            var opened = contract.Open(LinesOf(order), termDays, contract.SignedByName, contract.EnteredAtUtc);
            if (!opened.Succeeded)
            {
                throw new InvalidOperationException($"Contract {contract.Id} at version 0 could not be opened: {opened.Error!.Code}.");
            }
        }

        return contract;
    }

    /// <summary>The order's lines as the contract's signed lines (numbered 1, 2, 3 …).</summary>
    public static IReadOnlyList<ContractLineData> LinesOf(Domain.Orders.SalesOrder order) =>
        order.Lines.Select((l, i) => new ContractLineData(i + 1, l.ProductId, l.Description, l.Specification, l.Quantity, l.Unit, l.UnitPrice, l.DeliveryDate, l.DeliveryPlace, l.Packaging)).ToList();

    /// <summary>The display name of the signed-in user, as performance records carry it.</summary>
    public Task<string> NameOfAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);

    /// <summary>A contract that completes may make its customer a regular customer (docs/process.md §2):
    /// counted in the same transaction, so the customer's history shows the change next to the completion.</summary>
    public async Task PromoteCustomerIfCompletedAsync(Contract contract, CancellationToken cancellationToken)
    {
        if (contract.Status != ContractStatus.Completed)
        {
            return;
        }

        var completedBefore = await db.Contracts.CountAsync(c => c.CustomerId == contract.CustomerId && c.Status == ContractStatus.Completed && c.Id != contract.Id, cancellationToken);
        var customer = await db.Customers.FirstAsync(c => c.Id == contract.CustomerId, cancellationToken);
        CustomerPromotion.AfterContractCompleted(customer, completedBefore + 1);
    }

    /// <summary>The contract exists (→ NotFound) and the user may do this to it (<paramref name="mayAct"/>, else Forbidden):
    /// the performance use cases check this before the form's own messages.</summary>
    public async Task<Result> AuthorizeAsync(Guid contractId, bool mayAct, CancellationToken cancellationToken) =>
        !await db.Contracts.AnyAsync(c => c.Id == contractId, cancellationToken) ? NotFound
        : !mayAct ? TrackingAccess.NotAllowed
        : Result.Success();

    /// <summary>The shared tail of the performance use cases (RecordDelivery, RecordInvoice, RecordPayment, CloseContract):
    /// authorized as <see cref="AuthorizeAsync"/>, then the act by the signed-in user (given their display name) through
    /// <see cref="PerformAsync"/>.</summary>
    public async Task<Result> PerformByAsync(Guid contractId, ClaimsPrincipal user, bool mayAct, Func<Contract, string, Result> act, CancellationToken cancellationToken)
    {
        var allowed = await AuthorizeAsync(contractId, mayAct, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var byName = await NameOfAsync(TrackingAccess.UserId(user), cancellationToken);
        return await PerformAsync(contractId, c => act(c, byName), cancellationToken);
    }

    /// <summary>A domain act's outcome without the record it made.</summary>
    public static Result Outcome<T>(Result<T> result) => result.Succeeded ? Result.Success() : result.Error!;

    /// <summary>The shared body of the performance use cases: load the contract (missing → NotFound), apply the
    /// act, complete the contract when it is performed, save once; retried on a concurrency conflict against fresh data.</summary>
    public Task<Result> PerformAsync(Guid contractId, Func<Contract, Result> act, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var contract = await LoadAsync(contractId, cancellationToken);
            if (contract is null)
            {
                return Result.Failure(NotFound);
            }

            var result = act(contract);
            if (!result.Succeeded)
            {
                return result;
            }

            contract.CompleteWhenPerformed(Today);
            if (contract.Status == ContractStatus.Completed)
            {
                await PromoteCustomerIfCompletedAsync(contract, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });
}
