using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.ServiceNotices;

public sealed record ServiceNoticeViewModel(ServiceNotice Notice, Contract Contract, string CustomerName, bool CanRecord);

/// <summary>技术服务通知单: the contract administrator asks the technical service team to act; the team
/// records what it found, did and achieved on site (施工现场记录) and closes the notice.</summary>
[Authorize]
[Route("ServiceNotices")]
public sealed class ServiceNoticesController(
    AppDbContext db,
    ServiceWorkflow service,
    TrackingAccess access,
    IStringLocalizer<SharedResource> l) : Controller
{
    [CreatesRecord]
    [HttpPost("New")]
    public async Task<IActionResult> New(ServiceNoticeInput input, CancellationToken cancellationToken)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == input.ContractId, cancellationToken))
        {
            return NotFound();
        }

        if (!TrackingAccess.CanAdminister(User))
        {
            return Forbid();
        }

        var back = Url.Action("Details", "Ledger", new { id = input.ContractId }) + "#service";
        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Redirect(back);
        }

        var result = await service.IssueAsync(input.ContractId, input.Site.Trim(), input.Request.Trim(), input.RequiredBy, await NameAsync(cancellationToken), cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error!.Localize(l);
            return Redirect(back);
        }

        TempData["Message"] = l["Service notice {0} was sent to the technical service team.", result.Value!.Number].Value;
        return RedirectToAction(nameof(Details), new { id = result.Value.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var notice = await service.FindAsync(id, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        var contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == notice.ContractId, cancellationToken);
        var canRecord = await access.CanServiceAsync(User, cancellationToken);
        if (!canRecord && !await access.CanReadAsync(User, contract, cancellationToken))
        {
            return Forbid();
        }

        var customerName = await db.Customers.Where(c => c.Id == contract.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        return View(new ServiceNoticeViewModel(notice, contract, customerName, canRecord));
    }

    [CreatesRecord]
    [HttpPost("{id:guid}/SiteRecords")]
    public async Task<IActionResult> SiteRecord(Guid id, SiteRecordInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Back(id, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        var result = await service.AddSiteRecordAsync(id, input.VisitedOn!.Value, input.Problem.Trim(), input.Treatment.Trim(), input.Result.Trim(), await NameAsync(cancellationToken), cancellationToken);
        return result.Succeeded ? Back(id, null, l["The site record was added."]) : Back(id, result.Error!.Localize(l));
    }

    [HttpPost("{id:guid}/Close")]
    public async Task<IActionResult> Close(Guid id, ServiceCloseInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Back(id, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        var result = await service.CloseAsync(id, input.Outcome.Trim(), await NameAsync(cancellationToken), cancellationToken);
        return result.Succeeded ? Back(id, null, l["The service notice was closed."]) : Back(id, result.Error!.Localize(l));
    }

    private async Task<IActionResult?> GuardAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.ServiceNotices.AnyAsync(n => n.Id == id, cancellationToken))
        {
            return NotFound();
        }

        return await access.CanServiceAsync(User, cancellationToken) ? null : Forbid();
    }

    private RedirectToActionResult Back(Guid id, string? error, string? message = null)
    {
        TempData[error is null ? "Message" : "Error"] = error ?? message;
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<string> NameAsync(CancellationToken cancellationToken)
    {
        var userId = TrackingAccess.UserId(User);
        return db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
    }
}
