using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>
/// Performance of a signed contract (docs/process.md §5): deliveries, invoices, payments, closing, the
/// communication log. Each use case is one SaveChanges, retried on a concurrency
/// conflict against fresh data. Completion and the customer's promotion happen in the same transaction
/// as the delivery or payment that completes the contract.
/// </summary>
public sealed class ContractTracking(AppDbContext db, TimeProvider clock)
{
    public static readonly DomainError NotFound = new("contract.not-found", "The contract does not exist.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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
            contract.Open(LinesOf(order), termDays, contract.SignedByName, contract.EnteredAtUtc);
        }

        return contract;
    }

    /// <summary>The order's lines as the contract's signed lines (numbered 1, 2, 3 …).</summary>
    public static IReadOnlyList<ContractLineData> LinesOf(Domain.Orders.SalesOrder order) =>
        order.Lines.Select((l, i) => new ContractLineData(i + 1, l.ProductId, l.Description, l.Specification, l.Quantity, l.Unit, l.UnitPrice, l.DeliveryDate, l.DeliveryPlace, l.Packaging)).ToList();

    public Task<Result> RecordDeliveryAsync(Guid contractId, DateOnly deliveredOn, string billOfLading, string? note, IReadOnlyList<DeliveryQuantity> quantities, string byName, CancellationToken cancellationToken) =>
        Change(contractId, c => c.RecordDelivery(deliveredOn, billOfLading, note, quantities, byName, Now) is { Succeeded: false } r ? r.Error! : Result.Success(), cancellationToken);

    public Task<Result> RecordInvoiceAsync(Guid contractId, string number, DateOnly issuedOn, long amountMinor, string byName, CancellationToken cancellationToken) =>
        Change(contractId, c => c.RecordInvoice(number, issuedOn, amountMinor, byName, Now) is { Succeeded: false } r ? r.Error! : Result.Success(), cancellationToken);

    public Task<Result> RecordPaymentAsync(Guid contractId, DateOnly receivedOn, long amountMinor, string? reference, string byName, CancellationToken cancellationToken) =>
        Change(contractId, c => c.RecordPayment(receivedOn, amountMinor, reference, byName, Now) is { Succeeded: false } r ? r.Error! : Result.Success(), cancellationToken);

    public Task<Result> CloseAsync(Guid contractId, string reason, CancellationToken cancellationToken) =>
        Change(contractId, c => c.CloseManually(reason, Today), cancellationToken);

    public async Task<Result> LogCommunicationAsync(Guid contractId, DateTime occurredAtUtc, CommunicationChannel channel, string contact, string summary, string userId, string userName, CancellationToken cancellationToken)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == contractId, cancellationToken))
        {
            return NotFound;
        }

        db.CommunicationEntries.Add(new CommunicationEntry(contractId, occurredAtUtc, channel, contact, summary, userId, userName, Now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

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

    private Task<Result> Change(Guid contractId, Func<Contract, Result> change, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var contract = await LoadAsync(contractId, cancellationToken);
            if (contract is null)
            {
                return Result.Failure(NotFound);
            }

            var result = change(contract);
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
