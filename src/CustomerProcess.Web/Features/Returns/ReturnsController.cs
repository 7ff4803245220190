using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Attachments;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Returns;

public sealed record ReturnRow(Guid Id, string? ComplaintNumber, string? ContractNumber, string? CustomerName, decimal Quantity, string Unit,
    DateTime ReceivedAtUtc, ReturnStatus Status, bool? IsFounded, NonconformingDisposition? Disposition);

public sealed record ReturnIndexViewModel(string? Query, ReturnStatus? Status, Page<ReturnRow> Page, PagerModel Pager, bool CanRegister);

public sealed record ReturnDetailsViewModel(
    ReturnRecord Return, Guid? ComplaintId, string? ComplaintNumber, string? ContractNumber, string? CustomerName, string? ProductName,
    bool CanInspect, bool CanSettle, bool CanBookBack, AttachmentsViewModel Files);

/// <summary>Returned goods (退货, docs/process.md §7), against a complaint or a contract: quality inspects; an unfounded
/// return is settled by sales with the customer; a founded one is nonconforming product booked back with its disposition.</summary>
[Authorize]
public sealed class ReturnsController(
    AppDbContext db,
    ComplaintAccess access,
    AttachmentAccess attachments,
    HistoryQuery history,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet]
    public async Task<IActionResult> Index(string? q, ReturnStatus? status, int? page, CancellationToken cancellationToken)
    {
        var query = access.VisibleReturns(User).AsNoTracking();
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(r =>
                db.Complaints.Any(c => c.Id == r.ComplaintId && (c.Number.StartsWith(term) || db.Customers.Any(x => x.Id == c.CustomerId && (x.Code.StartsWith(term) || x.SearchName.Contains(term)))))
                || db.Contracts.Any(k => k.Id == r.ContractId && (k.Number.StartsWith(term) || db.Customers.Any(x => x.Id == k.CustomerId && (x.Code.StartsWith(term) || x.SearchName.Contains(term))))));
        }

        var rows = await query
            .OrderBy(r => r.Status == ReturnStatus.Settled || r.Status == ReturnStatus.BookedBack).ThenByDescending(r => r.ReceivedAtUtc)
            .Select(r => new ReturnRow(
                r.Id,
                db.Complaints.Where(c => c.Id == r.ComplaintId).Select(c => c.Number).FirstOrDefault(),
                db.Contracts.Where(k => k.Id == r.ContractId).Select(k => k.Number).FirstOrDefault(),
                db.Customers.Where(x => db.Complaints.Any(c => c.Id == r.ComplaintId && c.CustomerId == x.Id) || db.Contracts.Any(k => k.Id == r.ContractId && k.CustomerId == x.Id))
                    .Select(x => x.Name).FirstOrDefault(),
                r.Quantity, r.Unit, r.ReceivedAtUtc, r.Status, r.IsFounded, r.Disposition))
            .ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Index), new { q, status, page = p })!);
        return View(new ReturnIndexViewModel(q, status, rows, pager, ComplaintAccess.IsQuality(User) || ComplaintAccess.IsSales(User)));
    }

    [HttpGet]
    [Authorize(Roles = ComplaintAccess.IntakeRoles)]
    public IActionResult Create() =>
        View(new RegisterReturn.Input { ReceivedAt = TimeZoneInfo.ConvertTimeFromUtc(Now, Formatting.DisplayZone) });

    /// <summary>A return against a contract, without a complaint.</summary>
    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = ComplaintAccess.IntakeRoles)]
    public async Task<IActionResult> Create(RegisterReturn.Input input, [FromServices] RegisterReturn.Handler handler, CancellationToken cancellationToken)
    {
        input.ComplaintId = null;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(input);
        }

        return await this.Respond(await handler.HandleAsync(input, User, cancellationToken), Registered, () => Task.FromResult<IActionResult>(View(input)), l);
    }

    /// <summary>A return that came with a complaint (the form on the complaint page).</summary>
    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = ComplaintAccess.IntakeRoles)]
    public async Task<IActionResult> Register(RegisterReturn.Input input, [FromServices] RegisterReturn.Handler handler, CancellationToken cancellationToken)
    {
        if (input.ComplaintId is not { } complaintId)
        {
            return NotFound();
        }

        var back = Url.Action("Details", "Complaints", new { id = complaintId }) + "#returns-heading";
        IActionResult Refused()
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return LocalRedirect(back);
        }

        if (!ModelState.IsValid)
        {
            // Not found and not visible come before the form's own messages.
            return await this.Respond(await handler.AuthorizeAsync(complaintId, User, cancellationToken), Refused, () => Task.FromResult(Refused()), l);
        }

        return await this.Respond(await handler.HandleAsync(input, User, cancellationToken), Registered, () => Task.FromResult(Refused()), l);
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        return found switch
        {
            null => NotFound(),
            { Allowed: false } => Forbid(),
            _ => View(await DetailsAsync(found.Value.Record, cancellationToken)),
        };
    }

    [HttpPost]
    [Authorize(Roles = ComplaintAccess.QualityRoles)]
    public async Task<IActionResult> Inspect(Guid id, InspectReturn.Input input, [FromServices] InspectReturn.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The inspection was recorded."], () => BackToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = ComplaintAccess.SalesRoles)]
    public async Task<IActionResult> Settle(Guid id, SettleReturn.Input input, [FromServices] SettleReturn.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The settlement with the customer was recorded."], () => BackToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = ComplaintAccess.QualityRoles)]
    public async Task<IActionResult> BookBack(Guid id, BookBackReturn.Input input, [FromServices] BookBackReturn.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The nonconforming goods were booked back."], () => BackToDetails(id), l);

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.Value.Allowed)
        {
            return Forbid();
        }

        var ids = (await attachments.ListAsync(AttachmentOwner.Return, id, cancellationToken)).Select(a => a.Id).Append(id).Select(x => x.ToString()).ToList();
        var model = await history.ForAsync(l["Return"], Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private async Task<(ReturnRecord Record, bool Allowed)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await db.Returns.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is null ? null : (record, await access.VisibleReturns(User).AnyAsync(r => r.Id == id, cancellationToken));
    }

    private async Task<ReturnDetailsViewModel> DetailsAsync(ReturnRecord r, CancellationToken cancellationToken)
    {
        var complaint = r.ComplaintId is null ? null
            : await db.Complaints.AsNoTracking().Where(c => c.Id == r.ComplaintId).Select(c => new { c.Id, c.Number, c.CustomerId, c.ProductId }).FirstOrDefaultAsync(cancellationToken);
        var contract = r.ContractId is null ? null
            : await db.Contracts.AsNoTracking().Where(k => k.Id == r.ContractId).Select(k => new { k.Number, k.CustomerId }).FirstOrDefaultAsync(cancellationToken);
        var customerId = complaint?.CustomerId ?? contract?.CustomerId;
        var customer = await db.Customers.AsNoTracking().Where(x => x.Id == customerId).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken);
        var productId = r.ProductId ?? complaint?.ProductId;
        var chinese = Formatting.IsChinese;
        var product = productId is null ? null
            : await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.Code + " " + (chinese ? p.NameZh : p.NameEn)).FirstOrDefaultAsync(cancellationToken);
        var quality = ComplaintAccess.IsQuality(User);
        var finished = r.Status is ReturnStatus.Settled or ReturnStatus.BookedBack;
        var files = new AttachmentsViewModel(AttachmentOwner.Return, r.Id, await attachments.ListAsync(AttachmentOwner.Return, r.Id, cancellationToken),
            AttachmentAccess.CanUpload(User, AttachmentOwner.Return) && !finished, Url.Action(nameof(Details), new { id = r.Id })!);
        return new ReturnDetailsViewModel(r, complaint?.Id, complaint?.Number, contract?.Number, customer, product,
            quality && r.Status == ReturnStatus.Registered,
            ComplaintAccess.IsSales(User) && r.Status == ReturnStatus.Inspected && r.IsFounded == false,
            quality && r.Status == ReturnStatus.Inspected && r.IsFounded == true,
            files);
    }

    private IActionResult Registered(Guid id)
    {
        TempData["Message"] = l["The return was registered; quality inspects the goods."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private RedirectToActionResult BackToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });

    /// <summary>The details page again with the form's messages (422); 404 or 403 when the return is missing or not visible.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.Value.Allowed)
        {
            return Forbid();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), await DetailsAsync(found.Value.Record, cancellationToken));
    }
}
