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

public sealed record ChangeFormViewModel(Contract Contract, string CustomerName, ChangeInput Input);

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
    ChangeWorkflow changes,
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

        var input = new ChangeInput
        {
            ContractId = contractId,
            Lines = contract.Lines.Select(x => new ChangeLineInput
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
    public async Task<IActionResult> New(ChangeInput input, CancellationToken cancellationToken)
    {
        var contract = await tracking.LoadAsync(input.ContractId, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        if (!await CanRequestAsync(contract, cancellationToken))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var name = await NameAsync(cancellationToken);
            UploadedFile? confirmation = null;
            if (input.ConfirmationFile is { Length: > 0 } file)
            {
                if (file.Length > Attachment.MaxBytes)
                {
                    ModelState.AddDomainError(new DomainError(Attachment.TooLarge.Code, Attachment.TooLarge.MessageKey, Attachment.MaxBytes / (1024 * 1024)), l);
                    return await FormErrorAsync(input, cancellationToken);
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                confirmation = new UploadedFile(file.FileName, buffer.ToArray());
            }

            var lines = contract.Lines.Select(c => input.Lines.FirstOrDefault(p => p.LineNo == c.LineNo) is { } p
                ? c.ToData() with
                {
                    Description = p.Description?.Trim() ?? c.Description,
                    Specification = string.IsNullOrWhiteSpace(p.Specification) ? null : p.Specification.Trim(),
                    Quantity = p.Quantity ?? c.Quantity,
                    UnitPrice = p.UnitPrice ?? c.UnitPrice,
                    DeliveryDate = p.DeliveryDate,
                }
                : c.ToData()).ToList();
            var request = new ChangeRequest(
                contract.Id, input.Kind!.Value, input.RequestedBy, input.RequesterName.Trim(), input.What.Trim(), input.Why.Trim(),
                input.CustomerConfirmation.Trim(), confirmation, lines);
            var result = await changes.RequestAsync(request, TrackingAccess.UserId(User), name, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Change {0} was recorded. The sales manager decides it.", result.Value!.Number].Value;
                return RedirectToAction(nameof(Details), new { id = result.Value.Id });
            }

            ModelState.AddDomainError(result.Error!, l);
        }

        return await FormErrorAsync(input, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var change = await changes.FindAsync(id, cancellationToken);
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
    public async Task<IActionResult> Accept(Guid id, ChangeDecisionInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, TrackingAccess.CanDecideChanges(User), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Back(id, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), null);
        }

        var result = await changes.AcceptAsync(id, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), TrackingAccess.UserId(User), await NameAsync(cancellationToken), cancellationToken);
        if (!result.Succeeded)
        {
            return Back(id, result.Error!.Localize(l), null);
        }

        var change = (await db.ContractChanges.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken));
        var message = change.Consequence switch
        {
            ChangeConsequence.RevisedTaskNotice => change.NoticeId is null
                ? l["The change is in force as contract version {0}. No task notice was issued yet, so none was revised.", change.ResultingVersion ?? 0]
                : l["The change is in force as contract version {0}; a revised task notice went to the departments.", change.ResultingVersion ?? 0],
            ChangeConsequence.NewQuotation => l["The change is in force as contract version {0}; a new quotation was recorded.", change.ResultingVersion ?? 0],
            ChangeConsequence.ProductChangeNotice => l["A product change notice went to the departments."],
            ChangeConsequence.FullReview => l["The changed content went to a new review. The contract waits for its approval."],
            ChangeConsequence.BothPartiesConfirm => l["Both parties have confirmed: the contract is terminated."],
        };
        return Back(id, null, message);
    }

    [HttpPost("{id:guid}/Reject")]
    public async Task<IActionResult> Reject(Guid id, ChangeDecisionInput input, CancellationToken cancellationToken)
    {
        if (await GuardAsync(id, TrackingAccess.CanDecideChanges(User), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(input.Note))
        {
            return Back(id, l["Give the reason for declining the change."], null);
        }

        var result = await changes.RejectAsync(id, input.Note.Trim(), await NameAsync(cancellationToken), cancellationToken);
        return result.Succeeded ? Back(id, null, l["The change was declined."]) : Back(id, result.Error!.Localize(l), null);
    }

    [HttpPost("{id:guid}/Withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, ChangeDecisionInput input, CancellationToken cancellationToken)
    {
        var change = await db.ContractChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (change is null)
        {
            return NotFound();
        }

        if (change.RecordedByUserId != TrackingAccess.UserId(User) && !TrackingAccess.CanDecideChanges(User))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(input.Note))
        {
            return Back(id, l["Give the reason for withdrawing the change."], null);
        }

        var result = await changes.WithdrawAsync(id, input.Note.Trim(), await NameAsync(cancellationToken), cancellationToken);
        return result.Succeeded ? Back(id, null, l["The change was withdrawn."]) : Back(id, result.Error!.Localize(l), null);
    }

    [HttpGet("{id:guid}/History")]
    public async Task<IActionResult> History(Guid id, int? page, CancellationToken cancellationToken)
    {
        var change = await changes.FindAsync(id, cancellationToken);
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
        var view = await history.ForAsync(change.Number, Url.Action(nameof(Details), new { id })!, ids, page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    private async Task<bool> CanRequestAsync(Contract contract, CancellationToken cancellationToken)
    {
        var salesUserId = await db.SalesOrders.Where(o => o.Id == contract.OrderId).Select(o => o.SalesUserId).FirstAsync(cancellationToken);
        return TrackingAccess.CanTalkToCustomer(User, salesUserId) || TrackingAccess.CanDecideChanges(User);
    }

    private async Task<IActionResult?> GuardAsync(Guid id, bool allowed, CancellationToken cancellationToken)
    {
        if (!await db.ContractChanges.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }

        return allowed ? null : Forbid();
    }

    private async Task<IActionResult> FormErrorAsync(ChangeInput input, CancellationToken cancellationToken)
    {
        var contract = (await tracking.LoadAsync(input.ContractId, cancellationToken))!;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", await FormAsync(contract, input, cancellationToken));
    }

    private async Task<ChangeFormViewModel> FormAsync(Contract contract, ChangeInput input, CancellationToken cancellationToken)
    {
        var customerName = await db.Customers.Where(c => c.Id == contract.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        return new ChangeFormViewModel(contract, customerName, input);
    }

    private RedirectToActionResult Back(Guid id, string? error, string? message)
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
