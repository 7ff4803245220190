using System.Security.Claims;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
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
    public static readonly DomainError NoContract = new("return.contract", "There is no contract {0}.");
    public static readonly DomainError NoProduct = new("return.product", "No product has the code {0}.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

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
        View(new ReturnInput { ReceivedAt = TimeZoneInfo.ConvertTimeFromUtc(Now, Formatting.DisplayZone) });

    /// <summary>A return against a contract, without a complaint.</summary>
    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = ComplaintAccess.IntakeRoles)]
    public async Task<IActionResult> Create(ReturnInput input, CancellationToken cancellationToken)
    {
        input.ComplaintId = null;
        if (ModelState.IsValid)
        {
            var result = await RegisterAsync(input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["The return was registered; quality inspects the goods."].Value;
                return RedirectToAction(nameof(Details), new { id = result.Value });
            }

            var error = result.Error!;
            ModelState.AddModelError(error.Code == NoContract.Code ? nameof(input.ContractNumber) : error.Code == NoProduct.Code ? nameof(input.ProductCode) : "", error.Localize(l));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(input);
    }

    /// <summary>A return that came with a complaint (the form on the complaint page).</summary>
    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = ComplaintAccess.IntakeRoles)]
    public async Task<IActionResult> Register(ReturnInput input, CancellationToken cancellationToken)
    {
        if (input.ComplaintId is not { } complaintId || !await db.Complaints.AnyAsync(c => c.Id == complaintId, cancellationToken))
        {
            return NotFound();
        }

        if (!await access.VisibleComplaints(User).AnyAsync(c => c.Id == complaintId, cancellationToken))
        {
            return Forbid();
        }

        var back = Url.Action("Details", "Complaints", new { id = complaintId }) + "#returns-heading";
        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return LocalRedirect(back);
        }

        var result = await RegisterAsync(input, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error!.Localize(l);
            return LocalRedirect(back);
        }

        TempData["Message"] = l["The return was registered; quality inspects the goods."].Value;
        return RedirectToAction(nameof(Details), new { id = result.Value });
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
    public Task<IActionResult> Inspect(Guid id, InspectInput input, CancellationToken cancellationToken) =>
        Change(id, r => r.Inspect(input.Result.Trim(), input.Founded!.Value, User.Identity!.Name!, Now), l["The inspection was recorded."], cancellationToken);

    [HttpPost]
    [Authorize(Roles = ComplaintAccess.SalesRoles)]
    public Task<IActionResult> Settle(Guid id, SettleInput input, CancellationToken cancellationToken) =>
        Change(id, r => r.Settle(input.Settlement.Trim(), User.Identity!.Name!, Now), l["The settlement with the customer was recorded."], cancellationToken);

    [HttpPost]
    [Authorize(Roles = ComplaintAccess.QualityRoles)]
    public Task<IActionResult> BookBack(Guid id, BookBackInput input, CancellationToken cancellationToken) =>
        Change(id, r => r.BookBack(input.Disposition!.Value, input.Note.Trim(), User.Identity!.Name!, Now), l["The nonconforming goods were booked back."], cancellationToken);

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, CancellationToken cancellationToken)
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
        var model = await history.ForAsync(l["Return"], Url.Action(nameof(Details), new { id })!, ids, page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private async Task<Result<Guid>> RegisterAsync(ReturnInput input, CancellationToken cancellationToken)
    {
        Guid? productId = null;
        if (!string.IsNullOrWhiteSpace(input.ProductCode))
        {
            var code = input.ProductCode.Trim().ToUpperInvariant();
            productId = await db.Products.Where(p => p.Code == code).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (productId is null)
            {
                return new DomainError(NoProduct.Code, NoProduct.MessageKey, code);
            }
        }

        var received = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(input.ReceivedAt!.Value, DateTimeKind.Unspecified), Formatting.DisplayZone);
        var name = await db.Users.Where(u => u.Id == UserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        Result<ReturnRecord> created;
        if (input.ComplaintId is { } complaintId)
        {
            created = ReturnRecord.ForComplaint(complaintId, productId, input.Quantity!.Value, input.Unit.Trim(), received, input.Description.Trim(), UserId, name, Now);
        }
        else
        {
            var number = input.ContractNumber!.Trim().ToUpperInvariant();
            var contractId = await db.Contracts.Where(k => k.Number == number).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(cancellationToken);
            if (contractId is null)
            {
                return new DomainError(NoContract.Code, NoContract.MessageKey, number);
            }

            created = ReturnRecord.ForContract(contractId.Value, productId, input.Quantity!.Value, input.Unit.Trim(), received, input.Description.Trim(), UserId, name, Now);
        }

        if (!created.Succeeded)
        {
            return created.Error!;
        }

        db.Returns.Add(created.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Success(created.Value!.Id);
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

    private async Task<IActionResult> Change(Guid id, Func<ReturnRecord, Result> change, string message, CancellationToken cancellationToken)
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

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Details), await DetailsAsync(found.Value.Record, cancellationToken));
        }

        var result = change(found.Value.Record);
        if (result.Succeeded)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Error"] = l["Someone else changed this return at the same time. Reload and try again."].Value;
                return RedirectToAction(nameof(Details), new { id });
            }
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? message : result.Error!.Localize(l);
        return RedirectToAction(nameof(Details), new { id });
    }
}
