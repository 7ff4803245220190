using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Changes;

public sealed record ChangeFormViewModel(Contract Contract, string CustomerName, RequestChange.Input Input);

public sealed record ChangeDetailsViewModel(
    ContractChange Change,
    Contract Contract,
    string CustomerName,
    TaskNotice? Notice,
    Quotation? Quotation,
    CustomerProcess.Domain.Reviews.Review? Review,
    Attachment? Attachment,
    bool CanDecide,
    bool CanWithdraw);

/// <summary>Contract changes (合同变更, docs/process.md §6): recorded with what, why, who asked and the customer's
/// written confirmation, classified, and accepted by the sales manager or the GM, after which the product
/// does what the change table requires.</summary>
[Authorize]
[Route("Changes")]
public sealed class ChangesController(
    AppDbContext db,
    ContractTracking tracking,
    TrackingAccess access,
    HistoryQuery history,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("New")]
    public async Task<IActionResult> New(Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await tracking.LoadAsync(contractId, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        if (!await CanRequestAsync(contract, cancellationToken))
        {
            return Forbid();
        }

        var input = new RequestChange.Input
        {
            ContractId = contractId,
            Lines = contract.Lines.Select(x => new RequestChange.LineInput
            {
                LineNo = x.LineNo,
                Description = x.Description,
                Specification = x.Specification,
                Quantity = x.Quantity,
                UnitPrice = x.UnitPrice,
                DeliveryDate = x.DeliveryDate,
            }).ToList(),
        };
        return View("Form", await FormAsync(contract, input, cancellationToken));
    }

    [CreatesRecord]
    [HttpPost("New")]
    [RequestSizeLimit(Attachment.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = Attachment.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> New(RequestChange.Input input, [FromServices] RequestChange.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var allowed = await handler.AuthorizeAsync(input.ContractId, User, cancellationToken);
            return allowed.Succeeded ? await FormErrorAsync(input, cancellationToken) : await this.Failed(allowed.Error!, () => FormErrorAsync(input, cancellationToken), l);
        }

        return await this.Respond(
            await handler.HandleAsync(input, User, cancellationToken),
            change =>
            {
                TempData["Message"] = l["Change {0} was recorded. The sales manager decides it.", change.Number].Value;
                return RedirectToAction(nameof(Details), new { id = change.Id });
            },
            () => FormErrorAsync(input, cancellationToken),
            l);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var change = await ChangeDecisions.FindAsync(db, id, cancellationToken);
        if (change is null)
        {
            return NotFound();
        }

        var contract = (await tracking.LoadAsync(change.ContractId, cancellationToken))!;
        if (!await access.CanReadAsync(User, contract, cancellationToken))
        {
            return Forbid();
        }

        var customerName = await db.Customers.Where(c => c.Id == contract.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var notice = change.NoticeId is { } noticeId ? await db.TaskNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken) : null;
        var quotation = change.QuotationId is { } quotationId ? await db.Quotations.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quotationId, cancellationToken) : null;
        var review = change.ReviewId is { } reviewId ? await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken) : null;
        var attachment = change.ConfirmationAttachmentId is { } attachmentId ? await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken) : null;
        var canWithdraw = change.IsOpen && (change.RecordedByUserId == TrackingAccess.UserId(User) || TrackingAccess.CanDecideChanges(User));
        return View(new ChangeDetailsViewModel(change, contract, customerName, notice, quotation, review, attachment, TrackingAccess.CanDecideChanges(User), canWithdraw));
    }

    /// <summary>The change form as the paper had it (print view); the same checks as the details page.</summary>
    [HttpGet("{id:guid}/Print")]
    public async Task<IActionResult> Print(Guid id, CancellationToken cancellationToken)
    {
        var shown = await Details(id, cancellationToken);
        return shown is ViewResult { Model: ChangeDetailsViewModel model } ? View(nameof(Print), model) : shown;
    }

    [HttpGet("{id:guid}/Pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] IPdfRenderer pdf, [FromServices] IConfiguration configuration, CancellationToken cancellationToken)
    {
        var shown = await Details(id, cancellationToken);
        return shown is ViewResult { Model: ChangeDetailsViewModel model }
            ? File(pdf.Render(ChangeFormDocument.Build(model, l, configuration)), "application/pdf", $"change-{model.Change.Number}.pdf")
            : shown;
    }

    /// <summary>The sales manager or GM accepts: the consequence of the change's kind follows.</summary>
    [HttpPost("{id:guid}/Accept")]
    public async Task<IActionResult> Accept(Guid id, AcceptChange.Input input, [FromServices] AcceptChange.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RefusedAsync(id, await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.Respond(
                await handler.HandleAsync(id, input, User, cancellationToken),
                change =>
                {
                    TempData["Message"] = AcceptedMessage(change).Value;
                    return BackToDetails(id);
                },
                () => BackWithErrorAsync(id),
                l);

    [HttpPost("{id:guid}/Reject")]
    public async Task<IActionResult> Reject(Guid id, RejectChange.Input input, [FromServices] RejectChange.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RefusedAsync(id, await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The change was declined."], () => BackToDetails(id), l);

    [HttpPost("{id:guid}/Withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, WithdrawChange.Input input, [FromServices] WithdrawChange.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RefusedAsync(id, await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The change was withdrawn."], () => BackToDetails(id), l);

    [HttpGet("{id:guid}/History")]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var change = await ChangeDecisions.FindAsync(db, id, cancellationToken);
        if (change is null)
        {
            return NotFound();
        }

        var contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == change.ContractId, cancellationToken);
        if (!await access.CanReadAsync(User, contract, cancellationToken))
        {
            return Forbid();
        }

        var ids = change.ProposedLines.Select(x => x.Id).Append(change.Id).Select(x => x.ToString()).ToList();
        var view = await history.ForAsync(change.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    private async Task<bool> CanRequestAsync(Contract contract, CancellationToken cancellationToken)
    {
        var salesUserId = await db.SalesOrders.Where(o => o.Id == contract.OrderId).Select(o => o.SalesUserId).FirstAsync(cancellationToken);
        return TrackingAccess.CanTalkToCustomer(User, salesUserId) || TrackingAccess.CanDecideChanges(User);
    }

    private LocalizedString AcceptedMessage(ContractChange change) => change.Consequence switch
    {
        ChangeConsequence.RevisedTaskNotice => change.NoticeId is null
            ? l["The change is in force as contract version {0}. No task notice was issued yet, so none was revised.", change.ResultingVersion ?? 0]
            : l["The change is in force as contract version {0}; a revised task notice went to the departments.", change.ResultingVersion ?? 0],
        ChangeConsequence.NewQuotation => l["The change is in force as contract version {0}; a new quotation was recorded.", change.ResultingVersion ?? 0],
        ChangeConsequence.ProductChangeNotice => l["A product change notice went to the departments."],
        ChangeConsequence.FullReview => l["The changed content went to a new review. The contract waits for its approval."],
        ChangeConsequence.BothPartiesConfirm => l["Both parties have confirmed: the contract is terminated."],
    };

    /// <summary>The form was invalid: 404/403 when the user may not act at all, otherwise its messages as the page's error.</summary>
    private Task<IActionResult> RefusedAsync(Guid id, Result allowed) =>
        this.Respond(allowed, () => { SetErrorFromModelState(); return BackToDetails(id); }, () => Task.FromResult<IActionResult>(BackToDetails(id)), l);

    /// <summary>A business failure (already in ModelState) shown on the change's page.</summary>
    private Task<IActionResult> BackWithErrorAsync(Guid id)
    {
        SetErrorFromModelState();
        return Task.FromResult<IActionResult>(BackToDetails(id));
    }

    private void SetErrorFromModelState() => TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));

    private RedirectToActionResult BackToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });

    private async Task<IActionResult> FormErrorAsync(RequestChange.Input input, CancellationToken cancellationToken)
    {
        var contract = (await tracking.LoadAsync(input.ContractId, cancellationToken))!;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", await FormAsync(contract, input, cancellationToken));
    }

    private async Task<ChangeFormViewModel> FormAsync(Contract contract, RequestChange.Input input, CancellationToken cancellationToken)
    {
        var customerName = await db.Customers.Where(c => c.Id == contract.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        return new ChangeFormViewModel(contract, customerName, input);
    }
}
