using System.Globalization;
using System.Security.Claims;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
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
public sealed class LedgerQuery(AppDbContext db, CountCache cache, ChangeGenerations generations)
{
    /// <summary>The filtered set, unordered (for totals); <see cref="Rows"/> orders it.</summary>
    public async Task<IQueryable<Contract>> FilteredAsync(LedgerFilter filter, ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken)
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
            query = await SearchAsync(query, filter.Q.Trim().ToUpperInvariant(), cancellationToken);
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

        // Overdue = strictly after the due date (ContractPerformance): due < today. A missing date counts as never due
        // (COALESCE), which also keeps SQLite on the (Status, SignedOn) index in the page's order: on the plain
        // `due != null && due < today` it collected every overdue contract through the due-date indexes and sorted
        // them, 272 ms for 28,654 overdue contracts of a million, against 4 ms (39 ms when none is overdue;
        // bench/results/notes.md, 2026-12-05).
        query = filter.Overdue switch
        {
            OverdueFilter.Delivery => query.Where(c => c.Status == ContractStatus.Executing && (c.NextDeliveryDue ?? DateOnly.MaxValue) < today),
            OverdueFilter.Payment => query.Where(c => c.Status == ContractStatus.Executing && (c.PaymentDue ?? DateOnly.MaxValue) < today),
            OverdueFilter.Any => query.Where(c => c.Status == ContractStatus.Executing
                && ((c.NextDeliveryDue ?? DateOnly.MaxValue) < today || (c.PaymentDue ?? DateOnly.MaxValue) < today)),
            null => query,
        };

        return query;
    }

    /// <summary>The rows of the filtered set in the filter's order: contracts joined once to their customer,
    /// order and salesperson (no subquery per row), ordered on the (SignedOn, Number) or AmountMinor index.</summary>
    public IQueryable<LedgerRow> Rows(IQueryable<Contract> filtered, LedgerFilter filter)
    {
        var joined =
            from c in filtered
            join x in db.Customers on c.CustomerId equals x.Id
            join o in db.SalesOrders on c.OrderId equals o.Id
            from u in db.Users.Where(u => u.Id == o.SalesUserId).DefaultIfEmpty()
            select new { Contract = c, CustomerName = x.Name, CustomerCode = x.Code, SalesName = u.DisplayName, OrderNumber = o.Number };
        var ordered = filter.Sort == "amount"
            ? joined.OrderByDescending(j => j.Contract.AmountMinor).ThenByDescending(j => j.Contract.Number)
            : joined.OrderByDescending(j => j.Contract.SignedOn).ThenByDescending(j => j.Contract.Number);
        return ordered.Select(j => new LedgerRow(
            j.Contract.Id, j.Contract.Number, j.Contract.CurrentVersion, j.CustomerName, j.CustomerCode, j.SalesName,
            j.Contract.Currency, j.Contract.AmountMinor, j.Contract.DeliveredMinor, j.Contract.InvoicedMinor, j.Contract.PaidMinor,
            j.Contract.SignedOn, j.Contract.Status, j.Contract.NextDeliveryDue, j.Contract.PaymentDue, j.OrderNumber));
    }

    /// <summary>Most customers a search resolves to before it falls back to a per-contract customer test.</summary>
    public const int MaxSearchCustomers = 500;

    /// <summary>A contract-number prefix as an index range, or a customer whose code starts with or whose name
    /// contains the term. The customers are looked up first (a small table), so the contracts are read through
    /// their CustomerId indexes instead of testing a customer subquery on every contract.</summary>
    private async Task<IQueryable<Contract>> SearchAsync(IQueryable<Contract> query, string term, CancellationToken cancellationToken)
    {
        var upper = PrefixUpperBound(term);
        // The customers a term finds, kept until a customer changes: the name match reads every customer (20,000 at a
        // million contracts, 11 ms of the search page's CPU; bench/results/notes.md, 2026-12-05).
        var key = string.Join('\u001f', "ledger-search-customers", generations.Of<Domain.Customers.Customer>().ToString(CultureInfo.InvariantCulture), term);
        var customers = await cache.GetOrComputeAsync(key, () => db.Customers.AsNoTracking()
            .Where(x => x.Code.StartsWith(term) || x.SearchName.Contains(term))
            .Select(x => x.Id)
            .Take(MaxSearchCustomers + 1)
            .ToListAsync(cancellationToken));
        if (customers.Count > MaxSearchCustomers)
        {
            return query.Where(c => (string.Compare(c.Number, term) >= 0 && string.Compare(c.Number, upper) < 0)
                || db.Customers.Any(x => x.Id == c.CustomerId && (x.Code.StartsWith(term) || x.SearchName.Contains(term))));
        }

        return query.Where(c => (string.Compare(c.Number, term) >= 0 && string.Compare(c.Number, upper) < 0) || customers.Contains(c.CustomerId));
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>
    /// ("HT-2025" → "HT-2026"), so a prefix becomes an index range on every provider.</summary>
    public static string PrefixUpperBound(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] < char.MaxValue)
            {
                chars[i]++;
                return new string(chars, 0, i + 1);
            }
        }

        return prefix + char.MaxValue;
    }

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

    /// <summary>The totals of the filtered set, kept by <see cref="CountCache"/> until a contract, customer or
    /// order changes (or 30 s pass): summing 100,000 contracts on every page view would make the page's cost
    /// grow with the ledger. The key holds everything the set depends on: who asks (a salesperson sees only
    /// their own contracts), every filter value and today's date (overdue).</summary>
    public Task<IReadOnlyList<LedgerTotals>> CachedTotalsAsync(
        IQueryable<Contract> filtered, LedgerFilter filter, ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken)
    {
        var scope = TrackingAccess.SeesWholeLedger(user) ? "*" : TrackingAccess.UserId(user);
        var key = string.Join(
            '\u001f',
            "ledger-totals",
            generations.Of<Contract>().ToString(CultureInfo.InvariantCulture),
            generations.Of<Domain.Customers.Customer>().ToString(CultureInfo.InvariantCulture),
            generations.Of<SalesOrder>().ToString(CultureInfo.InvariantCulture),
            scope,
            today.ToString("O", CultureInfo.InvariantCulture),
            filter.Q?.Trim().ToUpperInvariant(),
            filter.Status?.ToString(),
            filter.Overdue?.ToString(),
            filter.Sales,
            filter.From?.ToString("O", CultureInfo.InvariantCulture),
            filter.To?.ToString("O", CultureInfo.InvariantCulture),
            filter.Min?.ToString(CultureInfo.InvariantCulture),
            filter.Max?.ToString(CultureInfo.InvariantCulture));
        return cache.GetOrComputeAsync(key, () => TotalsAsync(filtered, cancellationToken));
    }

    /// <summary>Salespeople who have contracts, for the filter (kept until an order or a user changes).</summary>
    public Task<List<KeyValuePair<string, string>>> SalespeopleAsync(CancellationToken cancellationToken)
    {
        var key = string.Join(
            '\u001f',
            "ledger-salespeople",
            generations.Of<SalesOrder>().ToString(CultureInfo.InvariantCulture),
            generations.Of<AppUser>().ToString(CultureInfo.InvariantCulture));
        // One lookup per user in the (SalesUserId, Status) index. An IN over the contracted orders read every
        // contracted order: 2.4 s at a million contracts, again every 30 s (bench/results/notes.md, 2026-12-05).
        return cache.GetOrComputeAsync(key, () =>
            (from user in db.Users
             where db.SalesOrders.Any(o => o.SalesUserId == user.Id && o.Status == OrderStatus.Contracted)
             orderby user.DisplayName
             select new KeyValuePair<string, string>(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken));
    }
}
