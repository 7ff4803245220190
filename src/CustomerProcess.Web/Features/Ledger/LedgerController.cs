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

public sealed record LedgerDetailsViewModel(Contract Contract, ReviewDetailsViewModel Review, Attachments.AttachmentsViewModel Attachments);

/// <summary>The contract ledger (合同台帐): every signed contract, filterable, with its full review.</summary>
[Authorize]
public sealed class LedgerController(AppDbContext db, ReviewQueries reviews, ReviewAccess access, Attachments.AttachmentAccess attachments) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] LedgerFilter filter, CancellationToken cancellationToken)
    {
        if (!ReviewAccess.SeesAllOrders(User) && !User.IsInRole(CustomerProcess.Domain.Security.Roles.Sales))
        {
            return Forbid();
        }

        var query = db.Contracts.AsNoTracking();
        if (!ReviewAccess.SeesAllOrders(User))
        {
            // A salesperson sees the contracts of the orders they captured.
            var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
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

        query = filter.Sort == "amount"
            ? query.OrderByDescending(c => c.AmountMinor).ThenByDescending(c => c.Number)
            : query.OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Number);

        var page = await query
            .Select(c => new LedgerRow(
                c.Id, c.Number,
                db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First(),
                db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Code).First(),
                c.AmountMinor, c.SignedOn, c.Status,
                db.SalesOrders.Where(o => o.Id == c.OrderId).Select(o => o.Number).First()))
            .ToPageAsync(filter.Page, cancellationToken);
        var pager = PagerModel.For(page, p => Url.Action(nameof(Index), new { filter.Q, filter.Status, filter.From, filter.To, filter.Min, filter.Max, filter.Sort, page = p })!);
        return View(new LedgerIndexViewModel(filter, page, pager));
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

        if (!await access.CanReadAsync(User, review.Order, review.Review, cancellationToken))
        {
            return Forbid();
        }

        var files = new Attachments.AttachmentsViewModel(
            Domain.Attachments.AttachmentOwner.Contract, id, await attachments.ListAsync(Domain.Attachments.AttachmentOwner.Contract, id, cancellationToken),
            Attachments.AttachmentAccess.CanUpload(User, Domain.Attachments.AttachmentOwner.Contract), Url.Action(nameof(Details), new { id })!);
        return View(new LedgerDetailsViewModel(contract, review, files));
    }
}
