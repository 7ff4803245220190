using CustomerProcess.Domain.Retention;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Retention;

public sealed record DueListViewModel(RetentionRecordType Type, string? Query, Page<DueRecord> Page, PagerModel Pager, RetentionPolicy Policy, DateOnly Today,
    bool CanRequest, RequestDisposal.Input Input);

public sealed record DisposalRow(Guid Id, string Number, RetentionRecordType RecordType, DisposalStatus Status, int RecordCount, string RequestedByName, DateTime RequestedAtUtc,
    string? DecidedByName, DateTime? ExecutedAtUtc);

public sealed record RegisterViewModel(DisposalStatus? Status, string? Query, Page<DisposalRow> Page, PagerModel Pager);

public sealed record DisposalDetailsViewModel(DisposalRecord Disposal, bool CanDecide, bool CanExecute);

/// <summary>Retention and disposal of records (docs/process.md §11, issue #18 item 5, ADR 0041): what is due, requests by the
/// quality head, approval by the general manager, carrying out, and the register of disposals.</summary>
[Authorize(Roles = Readers)]
public sealed class RetentionController(AppDbContext db, RetentionQueries retention, IStringLocalizer<SharedResource> l) : Controller
{
    public const string Readers = Roles.QualityHead + "," + Roles.GeneralManager;

    [HttpGet]
    public Task<IActionResult> Index(RetentionRecordType type = RetentionRecordType.Complaints, string? q = null, int? page = null, CancellationToken cancellationToken = default) =>
        DueListAsync(type, q, page, new RequestDisposal.Input { RecordType = type }, cancellationToken);

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Roles.QualityHead)]
    public async Task<IActionResult> Submit(RequestDisposal.Input input, [FromServices] RequestDisposal.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(input, cancellationToken),
                id =>
                {
                    TempData["Message"] = l["The disposal was requested; the general manager approves or rejects it."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => RedisplayAsync(input, cancellationToken),
                l);

    [HttpGet]
    public async Task<IActionResult> Register(DisposalStatus? status, string? q, int? page, CancellationToken cancellationToken)
    {
        var query = db.DisposalRecords.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(d => d.Number.StartsWith(term) || d.Items.Any(i => i.RecordNumber.StartsWith(term)));
        }

        var rows = await query.OrderByDescending(d => d.RequestedAtUtc).ThenByDescending(d => d.Number)
            .Select(d => new DisposalRow(d.Id, d.Number, d.RecordType, d.Status, d.RecordCount, d.RequestedByName, d.RequestedAtUtc, d.DecidedByName, d.ExecutedAtUtc))
            .ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Register), new { status, q, page = p })!);
        return View(new RegisterViewModel(status, q, rows, pager));
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet]
    public async Task<IActionResult> Print(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>The record disposal form as a PDF (same content as the print view).</summary>
    [HttpGet]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] CustomerProcess.Infrastructure.Pdf.IPdfRenderer pdf, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null
            ? NotFound()
            : File(pdf.Render(DisposalDocument.Build(model.Disposal, l)), "application/pdf", $"disposal-{model.Disposal.Number}.pdf");
    }

    [HttpPost]
    [Authorize(Roles = Roles.GeneralManager)]
    public async Task<IActionResult> Approve(Guid id, DecideDisposal.Input input, [FromServices] DecideDisposal.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? RefusedInput(id)
            : await this.RespondByRedirect(await handler.HandleAsync(id, approve: true, input, cancellationToken), l["The disposal was approved; the quality head can carry it out."], () => BackToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = Roles.GeneralManager)]
    public async Task<IActionResult> Reject(Guid id, DecideDisposal.Input input, [FromServices] DecideDisposal.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? RefusedInput(id)
            : await this.RespondByRedirect(await handler.HandleAsync(id, approve: false, input, cancellationToken), l["The disposal was rejected; the records are kept."], () => BackToDetails(id), l);

    [HttpPost]
    public async Task<IActionResult> Execute(Guid id, [FromServices] ExecuteDisposal.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, cancellationToken), l["The disposal was carried out; the records are marked disposed and their content blanked."], () => BackToDetails(id), l);

    private async Task<DisposalDetailsViewModel?> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var disposal = await db.DisposalRecords.AsNoTracking().Include(d => d.Items).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (disposal is null)
        {
            return null;
        }

        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var canDecide = User.IsInRole(Roles.GeneralManager) && disposal.Status == DisposalStatus.Requested && disposal.RequestedByUserId != userId;
        var canExecute = disposal.Status == DisposalStatus.Approved;
        return new DisposalDetailsViewModel(disposal, canDecide, canExecute);
    }

    private async Task<IActionResult> DueListAsync(RetentionRecordType type, string? q, int? page, RequestDisposal.Input input, CancellationToken cancellationToken)
    {
        var rows = await retention.DueAsync(type, q, page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Index), new { type, q, page = p })!);
        var canRequest = User.IsInRole(Roles.QualityHead) && RetentionQueries.IsDisposable(type);
        return View(nameof(Index), new DueListViewModel(type, q, rows, pager, retention.Policy, retention.Today, canRequest, input));
    }

    private Task<IActionResult> RedisplayAsync(RequestDisposal.Input input, CancellationToken cancellationToken) =>
        DueListAsync(input.RecordType, null, null, input, cancellationToken);

    private RedirectToActionResult BackToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });

    /// <summary>A button's small form was refused by its validator: back to the details with the messages.</summary>
    private RedirectToActionResult RefusedInput(Guid id)
    {
        TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return BackToDetails(id);
    }
}
