using System.Security.Claims;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>One register entry as the order page and the review form show it; <see cref="MayOpen"/> says whether the
/// reader may open the entry in the register (the register's own rules, <see cref="PropertyAccess"/>).</summary>
public sealed record OrderPropertyRow(
    Guid Id, string Number, PropertyKind Kind, string Description, decimal DeclaredQuantity, decimal ReceivedQuantity, string Unit,
    PropertyStatus Status, bool? InspectionPassed, string? InspectionResult, bool MayOpen);

/// <summary>The customer property of an order (docs/process.md §8): what the order declares in its "customer property"
/// field and the register entries received against the order or its contract.</summary>
public sealed record OrderPropertyView(Guid OrderId, string OrderNumber, bool Declared, IReadOnlyList<OrderPropertyRow> Items, bool CanRegister)
{
    /// <summary>The order declares property but nothing has been received against it yet.</summary>
    public bool DeclaredNotReceived => Declared && Items.Count == 0;

    public bool IsEmpty => !Declared && Items.Count == 0;
}

/// <summary>Reads the register entries linked to an order for the order page and the review form (page, print, PDF).</summary>
public sealed class OrderPropertyQuery(AppDbContext db, PropertyAccess access)
{
    public async Task<OrderPropertyView> ForOrderAsync(SalesOrder order, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var orderId = order.Id;
        var contractIds = db.Contracts.Where(k => k.OrderId == orderId).Select(k => k.Id);
        var visible = access.VisibleItems(user).Select(p => p.Id);
        var items = await db.CustomerPropertyItems.AsNoTracking()
            .Where(p => p.OrderId == orderId || (p.ContractId != null && contractIds.Contains(p.ContractId.Value)))
            .OrderBy(p => p.Number)
            .Select(p => new OrderPropertyRow(
                p.Id, p.Number, p.Kind, p.Description, p.DeclaredQuantity, p.ReceivedQuantity, p.Unit, p.Status, p.InspectionPassed, p.InspectionResult,
                visible.Contains(p.Id)))
            .ToListAsync(cancellationToken);
        return new OrderPropertyView(orderId, order.Number, !string.IsNullOrWhiteSpace(order.CustomerPropertyHandling), items, PropertyAccess.CanReceive(user));
    }

    /// <summary>The code of the order's customer, to pre-fill the receipt form opened from the order page; null when there is
    /// no such order or the user would not see the customer's items in the register.</summary>
    public Task<string?> CustomerCodeOfOrderAsync(string orderNumber, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var number = orderNumber.Trim().ToUpperInvariant();
        var seesAll = PropertyAccess.SeesAll(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.SalesOrders.AsNoTracking().Where(o => o.Number == number)
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => c)
            .Where(c => seesAll || c.OwnerUserId == userId)
            .Select(c => (string?)c.Code)
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>The same entries as PDF blocks (the review form's PDF), in the reader's language.</summary>
public static class OrderPropertyBlocks
{
    public static IReadOnlyList<PdfBlock> For(OrderPropertyView property, IStringLocalizer l)
    {
        var heading = new PdfHeading(l["Customer property in the register"]);
        if (property.Items.Count == 0)
        {
            return [heading, new PdfParagraph(property.Declared ? l["Declared on the order, not yet received."] : l["No customer property is registered against this order."])];
        }

        var culture = System.Globalization.CultureInfo.CurrentCulture;
        return
        [
            heading,
            new PdfTable(
                [l["Number"], l["Item"], l["Quantity"], l["Status"], l["Inspection"]],
                property.Items.Select(x => (IReadOnlyList<string>)
                [
                    x.Number,
                    l["PropertyKind." + x.Kind] + ": " + x.Description,
                    x.ReceivedQuantity.ToString("0.####", culture) + " " + x.Unit
                        + (x.ReceivedQuantity != x.DeclaredQuantity ? " (" + l["declared {0}", x.DeclaredQuantity.ToString("0.####", culture)] + ")" : ""),
                    l["PropertyStatus." + x.Status],
                    (x.InspectionPassed switch { true => l["Passed"].Value, false => l["Failed"].Value, null => l["Not inspected yet"].Value }) + (x.InspectionResult is null ? "" : " " + x.InspectionResult),
                ]).ToList(),
                [1.6f, 4, 1.6f, 1.4f, 3]),
        ];
    }
}
