using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>Performance of a contract, recorded from its ledger page: deliveries, invoices, payments, closing,
/// and the communication log. Each form posts here and comes back to the ledger page.</summary>
[Authorize]
[Route("Contracts/{id:guid}")]
public sealed class TrackingController(
    AppDbContext db,
    ContractTracking tracking,
    IStringLocalizer<SharedResource> l) : Controller
{
    [CreatesRecord]
    [HttpPost("Deliveries")]
    public async Task<IActionResult> Delivery(Guid id, DeliveryInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, TrackingAccess.CanAdminister(User), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Back(id, "deliveries", InvalidInput());
        }

        var quantities = input.Lines.Where(x => x.Quantity is > 0).Select(x => new DeliveryQuantity(x.LineNo, x.Quantity!.Value)).ToList();
        var result = await tracking.RecordDeliveryAsync(id, input.DeliveredOn!.Value, input.BillOfLading.Trim(), Clean(input.Note), quantities, await NameAsync(cancellationToken), cancellationToken);
        return Back(id, "deliveries", result, l["The delivery was recorded."]);
    }

    [CreatesRecord]
    [HttpPost("Invoices")]
    public async Task<IActionResult> Invoice(Guid id, InvoiceInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, TrackingAccess.CanRecordMoney(User), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Back(id, "invoices", InvalidInput());
        }

        var result = await tracking.RecordInvoiceAsync(id, input.Number.Trim(), input.IssuedOn!.Value, ContractPerformance.ToMinor(input.Amount!.Value), await NameAsync(cancellationToken), cancellationToken);
        return Back(id, "invoices", result, l["The invoice was recorded."]);
    }

    [CreatesRecord]
    [HttpPost("Payments")]
    public async Task<IActionResult> Payment(Guid id, PaymentInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, TrackingAccess.CanRecordMoney(User), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Back(id, "payments", InvalidInput());
        }

        var result = await tracking.RecordPaymentAsync(id, input.ReceivedOn!.Value, ContractPerformance.ToMinor(input.Amount!.Value), Clean(input.Reference), await NameAsync(cancellationToken), cancellationToken);
        return Back(id, "payments", result, l["The payment was recorded."]);
    }

    [HttpPost("Close")]
    public async Task<IActionResult> Close(Guid id, CloseInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, TrackingAccess.CanAdminister(User), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Back(id, "close", InvalidInput());
        }

        return Back(id, "performance", await tracking.CloseAsync(id, input.Reason.Trim(), cancellationToken), l["The contract was closed."]);
    }

    [CreatesRecord]
    [HttpPost("Communications")]
    public async Task<IActionResult> Communication(Guid id, CommunicationInput input, CancellationToken cancellationToken)
    {
        var salesUserId = await (from c in db.Contracts join o in db.SalesOrders on c.OrderId equals o.Id where c.Id == id select o.SalesUserId).FirstOrDefaultAsync(cancellationToken);
        if (salesUserId is null)
        {
            return NotFound();
        }

        if (!TrackingAccess.CanTalkToCustomer(User, salesUserId))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Back(id, "communication", InvalidInput());
        }

        var occurred = Formatting.ToUtc(input.OccurredAt!.Value);
        var result = await tracking.LogCommunicationAsync(id, occurred, input.Channel, input.CustomerContact.Trim(), input.Summary.Trim(), TrackingAccess.UserId(User), await NameAsync(cancellationToken), cancellationToken);
        return Back(id, "communication", result, l["The communication was logged."]);
    }

    /// <summary>404 for an unknown contract, 403 for a role that may not act (checked before any input is looked at).</summary>
    private async Task<IActionResult?> GuardAsync(Guid id, bool allowed, CancellationToken cancellationToken)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }

        return allowed ? null : Forbid();
    }

    /// <summary>The validation messages of the posted form, shown on the ledger page.</summary>
    private string InvalidInput() => string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());

    private RedirectResult Back(Guid id, string anchor, string error)
    {
        TempData["Error"] = error;
        return Redirect(Url.Action("Details", "Ledger", new { id }) + "#" + anchor);
    }

    private RedirectResult Back(Guid id, string anchor, Result result, string message)
    {
        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? message : result.Error!.Localize(l);
        return Redirect(Url.Action("Details", "Ledger", new { id }) + "#" + anchor);
    }

    private Task<string> NameAsync(CancellationToken cancellationToken)
    {
        var userId = TrackingAccess.UserId(User);
        return db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
