using System.Security.Claims;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Ledger;

/// <summary>Which overdue contracts to show.</summary>
public enum OverdueFilter
{
    Any,
    Delivery,
    Payment,
}

public sealed class LedgerFilter
{
    /// <summary>Contract number, customer code or customer name.</summary>
    public string? Q { get; set; }

    public ContractStatus? Status { get; set; }

    public OverdueFilter? Overdue { get; set; }

    /// <summary>The salesperson who captured the order.</summary>
    public string? Sales { get; set; }

    /// <summary>Signed in this period (inclusive).</summary>
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>date (newest first) or amount (largest first).</summary>
    public string? Sort { get; set; }

    public int? Page { get; set; }

    public object RouteValues(int? page = null) => new { Q, Status, Overdue, Sales, From, To, Min, Max, Sort, page };
}

public sealed record LedgerRow(
    Guid Id, string Number, int Version, string CustomerName, string CustomerCode, string? SalesName, string Currency,
    long AmountMinor, long DeliveredMinor, long InvoicedMinor, long PaidMinor, DateOnly SignedOn, ContractStatus Status,
    DateOnly? NextDeliveryDue, DateOnly? PaymentDue, string OrderNumber)
{
    public decimal DeliveredPercent => ContractPerformance.Percent(DeliveredMinor, AmountMinor);

    public decimal InvoicedPercent => ContractPerformance.Percent(InvoicedMinor, AmountMinor);

    public decimal PaidPercent => ContractPerformance.Percent(PaidMinor, AmountMinor);

    public bool DeliveryOverdue(DateOnly today) => Status == ContractStatus.Executing && ContractPerformance.IsDeliveryOverdue(NextDeliveryDue, today);

    public bool PaymentOverdue(DateOnly today) => Status == ContractStatus.Executing && ContractPerformance.IsPaymentOverdue(PaymentDue, today);
}

/// <summary>Totals of the filtered set, per currency (amounts in different currencies are never added).</summary>
public sealed record LedgerTotals(string Currency, int Count, long AmountMinor, long DeliveredMinor, long InvoicedMinor, long PaidMinor)
{
    public decimal DeliveredPercent => ContractPerformance.Percent(DeliveredMinor, AmountMinor);

    public decimal InvoicedPercent => ContractPerformance.Percent(InvoicedMinor, AmountMinor);

    public decimal PaidPercent => ContractPerformance.Percent(PaidMinor, AmountMinor);
}

/// <summary>The ledger's filtered set: one query for the page, the totals and the Excel export, so all three
/// always show the same contracts. Every filter is on an indexed column or a minor-unit amount (SQL on every provider).</summary>
public sealed class LedgerQuery(AppDbContext db)
{
    /// <summary>The filtered set, unordered (for totals); <see cref="Rows"/> orders it.</summary>
    public IQueryable<Contract> Filtered(LedgerFilter filter, ClaimsPrincipal user, DateOnly today)
    {
        var query = db.Contracts.AsNoTracking();
        if (!TrackingAccess.SeesWholeLedger(user))
        {
            // A salesperson sees the contracts of the orders they captured.
            var userId = TrackingAccess.UserId(user);
            query = query.Where(c => db.SalesOrders.Any(o => o.Id == c.OrderId && o.SalesUserId == userId));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToUpperInvariant();
            query = query.Where(c => c.Number.StartsWith(term)
                || db.Customers.Any(x => x.Id == c.CustomerId && (x.Code.StartsWith(term) || x.SearchName.Contains(term))));
        }

        if (filter.Status is not null)
        {
            query = query.Where(c => c.Status == filter.Status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Sales))
        {
            query = query.Where(c => db.SalesOrders.Any(o => o.Id == c.OrderId && o.SalesUserId == filter.Sales));
        }

        if (filter.From is not null)
        {
            query = query.Where(c => c.SignedOn >= filter.From);
        }

        if (filter.To is not null)
        {
            query = query.Where(c => c.SignedOn <= filter.To);
        }

        if (filter.Min is not null)
        {
            var min = SalesOrder.ToMinor(filter.Min.Value);
            query = query.Where(c => c.AmountMinor >= min);
        }

        if (filter.Max is not null)
        {
            var max = SalesOrder.ToMinor(filter.Max.Value);
            query = query.Where(c => c.AmountMinor <= max);
        }

        // Overdue = strictly after the due date (ContractPerformance): due < today.
        query = filter.Overdue switch
        {
            OverdueFilter.Delivery => query.Where(c => c.Status == ContractStatus.Executing && c.NextDeliveryDue != null && c.NextDeliveryDue < today),
            OverdueFilter.Payment => query.Where(c => c.Status == ContractStatus.Executing && c.PaymentDue != null && c.PaymentDue < today),
            OverdueFilter.Any => query.Where(c => c.Status == ContractStatus.Executing
                && ((c.NextDeliveryDue != null && c.NextDeliveryDue < today) || (c.PaymentDue != null && c.PaymentDue < today))),
            null => query,
        };

        return query;
    }

    public static IQueryable<Contract> Ordered(IQueryable<Contract> filtered, LedgerFilter filter) =>
        filter.Sort == "amount"
            ? filtered.OrderByDescending(c => c.AmountMinor).ThenByDescending(c => c.Number)
            : filtered.OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Number);

    /// <summary>The rows of the filtered set in the filter's order.</summary>
    public IQueryable<LedgerRow> Rows(IQueryable<Contract> filtered, LedgerFilter filter) =>
        Ordered(filtered, filter).Select(c => new LedgerRow(
            c.Id, c.Number, c.CurrentVersion,
            db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First(),
            db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Code).First(),
            db.SalesOrders.Where(o => o.Id == c.OrderId).Join(db.Users, o => o.SalesUserId, u => u.Id, (o, u) => u.DisplayName).FirstOrDefault(),
            c.Currency, c.AmountMinor, c.DeliveredMinor, c.InvoicedMinor, c.PaidMinor, c.SignedOn, c.Status, c.NextDeliveryDue, c.PaymentDue,
            db.SalesOrders.Where(o => o.Id == c.OrderId).Select(o => o.Number).First()));

    public async Task<IReadOnlyList<LedgerTotals>> TotalsAsync(IQueryable<Contract> filtered, CancellationToken cancellationToken)
    {
        var sums = await filtered
            .GroupBy(c => c.Currency)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.AmountMinor), Delivered = g.Sum(c => c.DeliveredMinor), Invoiced = g.Sum(c => c.InvoicedMinor), Paid = g.Sum(c => c.PaidMinor) })
            .ToListAsync(cancellationToken);
        return sums.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new LedgerTotals(t.Key, t.Count, t.Amount, t.Delivered, t.Invoiced, t.Paid))
            .ToList();
    }

    /// <summary>Salespeople who have contracts, for the filter.</summary>
    public Task<List<KeyValuePair<string, string>>> SalespeopleAsync(CancellationToken cancellationToken) =>
        (from user in db.Users
         where db.SalesOrders.Any(o => o.SalesUserId == user.Id && o.Status == OrderStatus.Contracted)
         orderby user.DisplayName
         select new KeyValuePair<string, string>(user.Id, user.DisplayName))
        .ToListAsync(cancellationToken);
}
