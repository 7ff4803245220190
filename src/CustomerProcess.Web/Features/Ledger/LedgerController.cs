using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Ledger;

public sealed class LedgerFilter
{
    public string? Q { get; set; }

    public ContractStatus? Status { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>date (newest first) or amount (largest first).</summary>
    public string? Sort { get; set; }

    public int? Page { get; set; }
}

public sealed record LedgerRow(Guid Id, string Number, string CustomerName, string CustomerCode, long AmountMinor, DateOnly SignedOn, ContractStatus Status, string OrderNumber);

public sealed record LedgerIndexViewModel(LedgerFilter Filter, Page<LedgerRow> Page, PagerModel Pager);

public sealed record LedgerDetailsViewModel(Contract Contract, ReviewDetailsViewModel Review);

/// <summary>The contract ledger (合同台帐): every signed contract, filterable, with its full review.</summary>
[Authorize]
public sealed class LedgerController(AppDbContext db, ReviewQueries reviews, ReviewAccess access, CountCache counts, ChangeGenerations generations) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] LedgerFilter filter, CancellationToken cancellationToken)
    {
        if (!ReviewAccess.SeesAllOrders(User) && !User.IsInRole(CustomerProcess.Domain.Security.Roles.Sales))
        {
            return Forbid();
        }

        var query = db.Contracts.AsNoTracking();
        var scope = "all";
        if (!ReviewAccess.SeesAllOrders(User))
        {
            // A salesperson sees the contracts of the orders they captured.
            var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
            query = query.Where(c => db.SalesOrders.Any(o => o.Id == c.OrderId && o.SalesUserId == userId));
            scope = userId;
        }

        var customerGeneration = 0L;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToUpperInvariant();
            // The customers first (a small table), then the contracts through indexes: a subquery per
            // contract row made this search scan every contract (3 s at 100,000 contracts).
            var customerIds = await db.Customers.AsNoTracking()
                .Where(x => x.Code.StartsWith(term) || x.SearchName.Contains(term))
                .Select(x => x.Id)
                .ToListAsync(cancellationToken);
            customerGeneration = generations.Of<CustomerProcess.Domain.Customers.Customer>();
            if (NumberPrefixEnd(term) is { } end)
            {
                // Number starts with the term, as an index range (LIKE cannot use the index in SQLite).
                query = query.Where(c => customerIds.Contains(c.CustomerId) || (string.Compare(c.Number, term) >= 0 && string.Compare(c.Number, end) < 0));
            }
            else
            {
                query = query.Where(c => customerIds.Contains(c.CustomerId) || c.Number.StartsWith(term));
            }
        }

        if (filter.Status is not null)
        {
            query = query.Where(c => c.Status == filter.Status);
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

        // The capped count runs on the contracts alone and is kept until a contract (or, when
        // searching, a customer) changes, or for CountCache.TimeToLive.
        var countKey = string.Join('|', "ledger", scope, filter.Q?.Trim().ToUpperInvariant(), filter.Status, filter.From, filter.To, filter.Min, filter.Max,
            generations.Of<Contract>(), customerGeneration);
        var counted = query;
        var rows =
            from c in query
            join x in db.Customers on c.CustomerId equals x.Id
            join o in db.SalesOrders on c.OrderId equals o.Id
            select new { c, x, o };
        rows = filter.Sort == "amount"
            ? rows.OrderByDescending(r => r.c.AmountMinor).ThenByDescending(r => r.c.Number)
            : rows.OrderByDescending(r => r.c.SignedOn).ThenByDescending(r => r.c.Number);

        var page = await rows
            .Select(r => new LedgerRow(r.c.Id, r.c.Number, r.x.Name, r.x.Code, r.c.AmountMinor, r.c.SignedOn, r.c.Status, r.o.Number))
            .ToPageAsync(filter.Page, () => counts.GetOrCountAsync(countKey, () => counted.CountCappedAsync(cancellationToken)), cancellationToken);
        var pager = PagerModel.For(page, p => Url.Action(nameof(Index), new { filter.Q, filter.Status, filter.From, filter.To, filter.Min, filter.Max, filter.Sort, page = p })!);
        return View(new LedgerIndexViewModel(filter, page, pager));
    }

    /// <summary>The first string after every string that starts with <paramref name="prefix"/> (ordinal),
    /// or null when there is none to compute.</summary>
    internal static string? NumberPrefixEnd(string prefix)
    {
        var last = prefix[^1];
        return last == char.MaxValue || char.IsSurrogate(last) ? null : prefix[..^1] + (char)(last + 1);
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        var review = await reviews.DetailsAsync(contract.ReviewId, User, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        return await access.CanReadAsync(User, review.Order, review.Review, cancellationToken)
            ? View(new LedgerDetailsViewModel(contract, review))
            : Forbid();
    }
}
