using System.Security.Cryptography;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>An uploaded file, read and checked.</summary>
public sealed record AttachmentUpload(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// Performance of a signed contract (domain.md §5): deliveries, invoices, payments, closing, the
/// communication log and attachments. Each use case is one SaveChanges, retried on a concurrency
/// conflict against fresh data. Completion and the customer's promotion happen in the same transaction
/// as the delivery or payment that completes the contract.
/// </summary>
public sealed class ContractTracking(AppDbContext db, TimeProvider clock)
{
    public static readonly DomainError NotFound = new("contract.not-found", "The contract does not exist.");
    public static readonly DomainError FileTooLarge = new("attachment.too-large", "The file is larger than {0} MB.");
    public static readonly DomainError FileEmpty = new("attachment.empty", "Choose a file to attach.");

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

    /// <summary>Reads an uploaded file, refusing an empty or oversized one.</summary>
    public static async Task<Result<AttachmentUpload>> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return FileEmpty;
        }

        if (file.Length > ContractAttachment.MaxBytes)
        {
            return new DomainError(FileTooLarge.Code, FileTooLarge.MessageKey, ContractAttachment.MaxBytes / 1024 / 1024);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var name = Path.GetFileName(file.FileName);
        if (name.Length > ContractAttachment.FileNameLength)
        {
            name = name[^ContractAttachment.FileNameLength..];
        }

        var contentType = string.IsNullOrWhiteSpace(file.ContentType) || file.ContentType.Length > ContractAttachment.ContentTypeLength
            ? "application/octet-stream"
            : file.ContentType;
        return Result<AttachmentUpload>.Success(new AttachmentUpload(name, contentType, buffer.ToArray()));
    }

    /// <summary>Adds a file to the contract in the caller's unit of work (saved with it).</summary>
    public ContractAttachment AddAttachment(Guid contractId, AttachmentPurpose purpose, AttachmentUpload upload, string userName)
    {
        var attachment = new ContractAttachment(contractId, purpose, upload.FileName, upload.ContentType, upload.Bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(upload.Bytes)), userName, Now);
        db.ContractAttachments.Add(attachment);
        db.AttachmentContents.Add(new AttachmentContent(attachment.Id, upload.Bytes));
        return attachment;
    }

    public async Task<Result> AttachAsync(Guid contractId, AttachmentPurpose purpose, AttachmentUpload upload, string userName, CancellationToken cancellationToken)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == contractId, cancellationToken))
        {
            return NotFound;
        }

        AddAttachment(contractId, purpose, upload, userName);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>A contract that completes may make its customer a regular customer (domain.md §2):
    /// counted in the same transaction, so the customer's history shows the change next to the completion.</summary>
    public async Task PromoteCustomerIfCompletedAsync(Contract contract, CancellationToken cancellationToken)
    {
        if (contract.Status != ContractStatus.Completed)
        {
            return;
        }

        var completedBefore = await db.Contracts.CountAsync(c => c.CustomerId == contract.CustomerId && c.Status == ContractStatus.Completed && c.Id != contract.Id, cancellationToken);
        var customer = await db.Customers.FirstAsync(c => c.Id == contract.CustomerId, cancellationToken);
        customer.PromoteIfEligible(completedBefore + 1);
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
