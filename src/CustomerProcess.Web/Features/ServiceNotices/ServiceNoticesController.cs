using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Pdf;
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
    public async Task<IActionResult> New(IssueServiceNotice.Input input, [FromServices] IssueServiceNotice.Handler handler, CancellationToken cancellationToken)
    {
        var back = Url.Action("Details", "Ledger", new { id = input.ContractId }) + "#service";
        if (!ModelState.IsValid)
        {
            return await this.Respond(await handler.AuthorizeAsync(input.ContractId, User, cancellationToken), () => Refused(Redirect(back)), () => Task.FromResult(Refused(Redirect(back))), l);
        }

        return await this.Respond(
            await handler.HandleAsync(input, User, cancellationToken),
            notice =>
            {
                TempData["Message"] = l["Service notice {0} was sent to the technical service team.", notice.Number].Value;
                return RedirectToAction(nameof(Details), new { id = notice.Id });
            },
            () => Task.FromResult(Refused(Redirect(back))),
            l);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) =>
        await ReadAsync(id, model => View(model), cancellationToken);

    /// <summary>The notice with its site records as the paper form (print view).</summary>
    [HttpGet("{id:guid}/Print")]
    public async Task<IActionResult> Print(Guid id, CancellationToken cancellationToken) =>
        await ReadAsync(id, model => View(model), cancellationToken);

    [HttpGet("{id:guid}/Pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] IPdfRenderer pdf, [FromServices] IConfiguration configuration, CancellationToken cancellationToken) =>
        await ReadAsync(
            id,
            model => File(pdf.Render(ServiceNoticeDocument.Build(model, l, configuration)), "application/pdf", $"service-notice-{model.Notice.Number}.pdf"),
            cancellationToken);

    /// <summary>Missing → 404; neither the technical service team nor a reader of the contract → 403.</summary>
    private async Task<IActionResult> ReadAsync(Guid id, Func<ServiceNoticeViewModel, IActionResult> show, CancellationToken cancellationToken)
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
        return show(new ServiceNoticeViewModel(notice, contract, customerName, canRecord));
    }

    [CreatesRecord]
    [HttpPost("{id:guid}/SiteRecords")]
    public async Task<IActionResult> SiteRecord(Guid id, AddSiteRecord.Input input, [FromServices] AddSiteRecord.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Refused(BackToDetails(id))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The site record was added."], () => BackToDetails(id), l);

    [HttpPost("{id:guid}/Close")]
    public async Task<IActionResult> Close(Guid id, CloseServiceNotice.Input input, [FromServices] CloseServiceNotice.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Refused(BackToDetails(id))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The service notice was closed."], () => BackToDetails(id), l);

    private RedirectToActionResult BackToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });

    /// <summary>The form's messages (validation, or a business failure already in ModelState) as the page's error, and back.</summary>
    private IActionResult Refused(IActionResult back)
    {
        TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return back;
    }
}
