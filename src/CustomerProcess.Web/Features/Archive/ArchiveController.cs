using System.Security.Claims;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Customers;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Archive;

public sealed record AccessRequestRow(ArchiveAccessGrant Grant, string CustomerCode, string CustomerName, bool MayApproveAsHead, bool MayApproveAsOwner);

public sealed record ArchiveIndexViewModel(IReadOnlyList<AccessRequestRow> Mine, IReadOnlyList<AccessRequestRow> ToApprove, DateTime NowUtc);

public sealed record AccessRequestViewModel(Guid CustomerId, string CustomerCode, string CustomerName, RequestArchiveAccess.Input Input);

public sealed record DueRow(Guid Id, string Code, string Name, CustomerClass Class, DateTime? LastReviewUtc, IReadOnlyList<ArchiveReviewReason> Reasons, string? ClosureNote = null);

public sealed record DueViewModel(Page<DueRow> Page, PagerModel Pager);

public sealed record ViewLogViewModel(Guid CustomerId, string CustomerCode, string CustomerName, Page<CustomerFileView> Page, PagerModel Pager);

/// <summary>The customer archive (docs/process.md §2, ADR 0025): access requests and their approvals, the view log of a
/// customer's file, and the six-monthly archive review.</summary>
[Authorize]
public sealed class ArchiveController(AppDbContext db, CustomerFileGate gate, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private const string Reviewers = Roles.Sales + "," + Roles.SalesManager;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>My access requests and the requests waiting for my approval (as department head or archive owner).</summary>
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = UserId;
        var mine = await (
                from g in db.ArchiveAccessGrants.AsNoTracking()
                join c in db.Customers.AsNoTracking() on g.CustomerId equals c.Id
                where g.RequesterUserId == userId
                orderby g.RequestedAtUtc descending
                select new AccessRequestRow(g, c.Code, c.Name, false, false))
            .Take(100)
            .ToListAsync(cancellationToken);
        var pending = await (
                from g in db.ArchiveAccessGrants.AsNoTracking()
                join c in db.Customers.AsNoTracking() on g.CustomerId equals c.Id
                where g.Status == ArchiveAccessStatus.Pending && g.RequesterUserId != userId
                orderby g.RequestedAtUtc
                select new
                {
                    Grant = g,
                    Customer = c,
                    RequestersHead = (from u in db.Users join d in db.Departments on u.DepartmentId equals d.Id where u.Id == g.RequesterUserId select d.HeadUserId).FirstOrDefault(),
                })
            .Take(500)
            .ToListAsync(cancellationToken);
        // The requesters' heads came with the requests: two queries for the page, however many requests wait.
        var toApprove = new List<AccessRequestRow>();
        foreach (var p in pending)
        {
            var rights = ArchiveApprovers.Rights(p.Grant, p.Customer, User, p.RequestersHead);
            var asHead = rights.AsHead && p.Grant.HeadApprovedAtUtc is null && p.Grant.OwnerApprovedByUserId != userId;
            var asOwner = rights.AsOwner && p.Grant.OwnerApprovedAtUtc is null && p.Grant.HeadApprovedByUserId != userId;
            if (asHead || asOwner)
            {
                toApprove.Add(new(p.Grant, p.Customer.Code, p.Customer.Name, asHead, asOwner));
            }
        }

        return View(new ArchiveIndexViewModel(mine, toApprove, clock.GetUtcNow().UtcDateTime));
    }

    [HttpGet("/Archive/Ask/{id:guid}")]
    public async Task<IActionResult> Ask(Guid id, CancellationToken cancellationToken) =>
        await RequestFormAsync(id, new RequestArchiveAccess.Input(), cancellationToken);

    [CreatesRecord]
    [HttpPost("/Archive/Ask/{id:guid}")]
    public async Task<IActionResult> Ask(Guid id, RequestArchiveAccess.Input input, [FromServices] RequestArchiveAccess.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RequestFormAsync(id, input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(id, input, cancellationToken),
                _ =>
                {
                    TempData["Message"] = l["Your request was sent to your department head and the customer's owner."].Value;
                    return RedirectToAction(nameof(Index));
                },
                () => RequestFormAsync(id, input, cancellationToken),
                l);

    [HttpPost("/Archive/Approve/{id:guid}")]
    public async Task<IActionResult> Approve(Guid id, ApproveArchiveAccess.Input input, [FromServices] ApproveArchiveAccess.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? BadRequest()
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, cancellationToken), l["Your approval was recorded."], () => RedirectToAction(nameof(Index)), l);

    [HttpPost("/Archive/Reject/{id:guid}")]
    public async Task<IActionResult> Reject(Guid id, [FromServices] RejectArchiveAccess.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, cancellationToken), l["The access was refused or ended."], () => RedirectToAction(nameof(Index)), l);

    /// <summary>Who looked at a customer's file: the owner, the sales manager and quality.</summary>
    [HttpGet("/Archive/ViewLog/{id:guid}")]
    public async Task<IActionResult> ViewLog(Guid id, int? page, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (!CustomerFileAccess.MaySeeViewLog(customer, UserId, User.IsInRole))
        {
            return Forbid();
        }

        var rows = await db.CustomerFileViews.AsNoTracking()
            .Where(v => v.CustomerId == id)
            .OrderByDescending(v => v.AtUtc).ThenBy(v => v.Id)
            .ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(ViewLog), new { id, page = p })!);
        return View(new ViewLogViewModel(id, customer.Code, customer.Name, rows, pager));
    }

    /// <summary>The six-monthly archive review: the active customers whose last review is six months old or that were never
    /// reviewed, and those reported closed or bankrupt since their last review, with the reasons to look at them. The owner
    /// sees their own, the sales manager all.</summary>
    [HttpGet]
    [Authorize(Roles = Reviewers)]
    public async Task<IActionResult> Due(int? page, CancellationToken cancellationToken)
    {
        var userId = UserId;
        var all = User.IsInRole(Roles.SalesManager);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddMonths(-ArchiveReviewRules.IntervalMonths);
        var today = DateOnly.FromDateTime(now);
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => c.Status == CustomerStatus.Active && (all || c.OwnerUserId == userId)
                && (c.LastArchiveReviewUtc == null || c.LastArchiveReviewUtc <= cutoff || (c.ClosureReportedAtUtc != null && c.ClosureReportedAtUtc > c.LastArchiveReviewUtc)))
            .OrderBy(c => c.Code)
            .Select(c => new
            {
                c.Id,
                c.Code,
                c.Name,
                c.Class,
                c.CreditLimit,
                c.LastArchiveReviewUtc,
                c.Closure,
                c.ClosureNote,
                LastSigned = db.Contracts.Where(k => k.CustomerId == c.Id).Max(k => (DateOnly?)k.SignedOn),
                Overdue = db.Contracts.Any(k => k.CustomerId == c.Id && k.Status == ContractStatus.Executing && k.PaymentDue < today),
                Open = db.Contracts.Where(k => k.CustomerId == c.Id && k.Status == ContractStatus.Executing).Sum(k => (long?)(k.AmountMinor - k.PaidMinor)) ?? 0L,
            })
            .ToPageAsync(page, cancellationToken);
        var rows = new Page<DueRow>(
            candidates.Items.Select(c => new DueRow(
                c.Id, c.Code, c.Name, c.Class, c.LastArchiveReviewUtc, ArchiveReviewRules.Reasons(c.LastSigned, c.Overdue, c.Open, c.CreditLimit, c.Closure, today), c.ClosureNote)).ToList(),
            candidates.PageNumber,
            candidates.PageSize,
            candidates.CountedTotal);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Due), new { page = p })!);
        return View(new DueViewModel(rows, pager));
    }

    /// <summary>The owner keeps the customer as it is; the review date is recorded on it.</summary>
    [HttpPost("/Archive/Keep/{id:guid}")]
    [Authorize(Roles = Reviewers)]
    public async Task<IActionResult> Keep(Guid id, [FromServices] RecordArchiveReview.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, cancellationToken), l["The review was recorded; the customer is kept."], () => RedirectToAction(nameof(Due)), l);

    private async Task<IActionResult> RequestFormAsync(Guid id, RequestArchiveAccess.Input input, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (HttpContext.Request.Method == HttpMethods.Get && await gate.BasisAsync(customer, User, cancellationToken) is not null)
        {
            return RedirectToAction(nameof(CustomersController.Details), "Customers", new { id });
        }

        return View("Ask", new AccessRequestViewModel(id, customer.Code, customer.Name, input));
    }
}
