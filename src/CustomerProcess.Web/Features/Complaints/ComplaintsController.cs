using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Complaints;

public sealed record ComplaintRow(Guid Id, string Number, string CustomerName, ComplaintKind Kind, ComplaintSeverity Severity, ComplaintStatus Status, DateTime ReceivedAtUtc, DateTime? AnsweredAtUtc);

public sealed record ComplaintBoardViewModel(
    string? Query, bool ShowClosed, Page<ComplaintRow> Page, PagerModel Pager, DateTime NowUtc, TimeSpan Window,
    int AnsweredInTime, int AnsweredLate, int OpenOverdue, string PeriodLabel, bool CanLog, IReadOnlyList<WaitingItem> WaitingForMe);

public sealed record ComplaintDetailsViewModel(
    Complaint Complaint, string CustomerName, string? ContractNumber, string? ProductName, IReadOnlyList<ReturnRecord> Returns,
    DateTime NowUtc, TimeSpan Window, bool IsQuality, bool IsSales, string UserId,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Owners, IReadOnlyDictionary<string, string> DepartmentNames,
    Attachments.AttachmentsViewModel? Files = null);

/// <summary>Customer complaints and returns (docs/process.md §7): intake by sales or quality, handling by quality.</summary>
[Authorize]
public sealed class ComplaintsController(
    AppDbContext db,
    DocumentNumbers numbers,
    IPdfRenderer pdf,
    HistoryQuery history,
    Attachments.AttachmentAccess attachmentAccess,
    ComplaintAccess access,
    ComplaintWaitingList waiting,
    TimeProvider clock,
    IOptions<ComplaintOptions> options,
    DepartmentNames departmentNames,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const string Intake = ComplaintAccess.IntakeRoles;
    private const string QualityRoles = ComplaintAccess.QualityRoles;

    /// <summary>Most files one complaint form may carry.</summary>
    private const int MaxIntakeFiles = 5;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private bool IsQuality => ComplaintAccess.IsQuality(User);

    [HttpGet]
    public async Task<IActionResult> Index(string? q, bool closed, int? page, CancellationToken cancellationToken)
    {
        var query = Visible();
        query = closed ? query.Where(c => c.Status == ComplaintStatus.Closed) : query.Where(c => c.Status != ComplaintStatus.Closed);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(c => c.Number.StartsWith(term) || db.Customers.Any(x => x.Id == c.CustomerId && (x.Code.StartsWith(term) || x.SearchName.Contains(term))));
        }

        // Urgency: unanswered first, oldest receipt (nearest deadline) first.
        var rows = await query
            .OrderBy(c => c.AnsweredAtUtc != null).ThenBy(c => c.ReceivedAtUtc)
            .Select(c => new ComplaintRow(c.Id, c.Number, db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First(), c.Kind, c.Severity, c.Status, c.ReceivedAtUtc, c.AnsweredAtUtc))
            .ToPageAsync(page, cancellationToken);

        // The answer clock per period: this calendar month (China time).
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone);
        var monthStart = TimeZoneInfo.ConvertTimeToUtc(new DateTime(local.Year, local.Month, 1), Formatting.DisplayZone);
        var window = options.Value.AnswerWindow;
        var month = await Visible().Where(c => c.ReceivedAtUtc >= monthStart).Select(c => new { c.ReceivedAtUtc, c.AnsweredAtUtc }).ToListAsync(cancellationToken);
        var inTime = month.Count(c => c.AnsweredAtUtc is { } a && AnswerClock.AnsweredInTime(c.ReceivedAtUtc, a, window));
        var late = month.Count(c => c.AnsweredAtUtc is { } a && !AnswerClock.AnsweredInTime(c.ReceivedAtUtc, a, window));
        var overdueSince = Now - window;
        var openOverdue = await Visible().CountAsync(c => c.AnsweredAtUtc == null && c.ReceivedAtUtc < overdueSince, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Index), new { q, closed, page = p })!);
        var mine = await waiting.ForAsync(User, cancellationToken);
        return View(new ComplaintBoardViewModel(q, closed, rows, pager, Now, window, inTime, late, openOverdue, local.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ComplaintAccess.IsSales(User) || IsQuality, mine));
    }

    [HttpGet]
    [Authorize(Roles = Intake)]
    public IActionResult Create() =>
        View(new ComplaintInput { ReceivedAt = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).DateTime });

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Intake)]
    [RequestSizeLimit(MaxIntakeFiles * (Attachment.MaxBytes + (64 * 1024)))]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxIntakeFiles * (Attachment.MaxBytes + (64 * 1024)))]
    public async Task<IActionResult> Create(ComplaintInput input, List<IFormFile> files, CancellationToken cancellationToken)
    {
        var code = input.CustomerCode.Trim().ToUpperInvariant();
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (ModelState.IsValid && customer is null)
        {
            ModelState.AddModelError(nameof(input.CustomerCode), l["No active customer has the code {0}.", code]);
        }

        var contractNumber = input.ContractNumber?.Trim().ToUpperInvariant();
        var contract = string.IsNullOrEmpty(contractNumber) ? null
            : await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Number == contractNumber, cancellationToken);
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(input.ContractNumber) && (contract is null || contract.CustomerId != customer!.Id))
        {
            ModelState.AddModelError(nameof(input.ContractNumber), l["No contract {0} for this customer.", input.ContractNumber]);
        }

        var productCode = input.ProductCode?.Trim().ToUpperInvariant();
        var product = string.IsNullOrEmpty(productCode) ? null
            : await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == productCode, cancellationToken);
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(input.ProductCode) && product is null)
        {
            ModelState.AddModelError(nameof(input.ProductCode), l["No product has the code {0}.", input.ProductCode]);
        }

        var received = input.ReceivedAt is { } localReceived ? Formatting.ToUtc(localReceived) : default;
        if (ModelState.IsValid && Complaint.CheckReceivedAt(received, Now).Error is { } receivedError)
        {
            ModelState.AddModelError(nameof(input.ReceivedAt), receivedError.Localize(l));
        }

        var name = await db.Users.Where(u => u.Id == UserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);

        // Photos and letters that came with the complaint: every file is checked before anything is stored.
        var uploads = new List<(string FileName, byte[] Bytes)>();
        if (files.Count > MaxIntakeFiles)
        {
            ModelState.AddModelError("files", l["At most {0} files can be attached at once.", MaxIntakeFiles]);
        }
        else
        {
            foreach (var file in files.Where(f => f.Length > 0))
            {
                // Too large: refused before a byte is read. Otherwise the attachment rules decide (type by extension).
                var bytes = file.Length > Attachment.MaxBytes ? null : await ReadAsync(file, cancellationToken);
                var error = bytes is null
                    ? new DomainError(Attachment.TooLarge.Code, Attachment.TooLarge.MessageKey, Attachment.MaxBytes / (1024 * 1024))
                    : Attachment.Create(AttachmentOwner.Complaint, Guid.Empty, file.FileName, bytes, null, name, Now).Error;
                if (error is null)
                {
                    uploads.Add((file.FileName, bytes!));
                }
                else
                {
                    ModelState.AddModelError("files", file.FileName + ": " + error.Localize(l));
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var id = await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var number = await numbers.NextAsync("TS", TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).Year, cancellationToken);
            var complaint = new Complaint(number, customer!.Id, input.Kind, input.Channel, input.Severity, input.Description.Trim(), received, UserId, name, Now);
            complaint.Link(contract?.Id, product?.Id, string.IsNullOrWhiteSpace(input.BatchReference) ? null : input.BatchReference.Trim());
            db.Complaints.Add(complaint);
            foreach (var (fileName, bytes) in uploads)
            {
                db.Attachments.Add(Attachment.Create(AttachmentOwner.Complaint, complaint.Id, fileName, bytes, null, name, Now).Value!);
            }

            await db.SaveChangesAsync(cancellationToken);
            return complaint.Id;
        });
        TempData["Message"] = l["The complaint was logged and is in the quality department's queue."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : model.Value.Allowed ? View(model.Value.Model) : Forbid();
    }

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public Task<IActionResult> Investigate(Guid id, InvestigationInput input, CancellationToken cancellationToken) =>
        Change(id, input, c => c.RecordInvestigation(input.CauseAnalysis.Trim(), input.Category!.Value, input.ResponsibleDepartment), l["The investigation was recorded."], cancellationToken);

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> AddAction(Guid id, ActionInput input, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == input.OwnerUserId && u.IsActive).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (ModelState.IsValid && owner is null)
        {
            ModelState.AddModelError(nameof(input.OwnerUserId), l["Choose the owner of the action."]);
        }

        return await Change(id, input, c => c.AddAction(input.Description.Trim(), input.OwnerUserId, owner!, input.DueDate!.Value) is { Succeeded: false } r ? Result.Failure(r.Error!) : Result.Success(),
            l["The corrective action was added."], cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> CompleteAction(Guid id, Guid actionId, [MaxLength(Complaint.TextLength)] string? note, CancellationToken cancellationToken)
    {
        var ownerId = await db.CorrectiveActions.Where(a => a.Id == actionId && a.ComplaintId == id).Select(a => a.OwnerUserId).FirstOrDefaultAsync(cancellationToken);
        if (ownerId is null)
        {
            return NotFound();
        }

        if (ownerId != UserId && !IsQuality)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            TempData["Error"] = l["Write a completion note."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        return await Change(id, null, c => c.CompleteAction(actionId, note.Trim(), Now), l["The action was marked done; quality verifies it."], cancellationToken);
    }

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> VerifyAction(Guid id, Guid actionId, CancellationToken cancellationToken) =>
        await Change(id, null, c => c.VerifyAction(actionId, User.Identity!.Name!, Now), l["The action was verified."], cancellationToken);

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> WaiveAction(Guid id, Guid actionId, [MaxLength(Complaint.TextLength)] string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData["Error"] = l["Give the reason for waiving the action."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        return await Change(id, null, c => c.WaiveAction(actionId, reason.Trim(), User.Identity!.Name!, Now), l["The action was waived."], cancellationToken);
    }

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public Task<IActionResult> Answer(Guid id, AnswerInput input, CancellationToken cancellationToken) =>
        Change(id, input, c => c.Answer(input.Text.Trim(), input.Channel, Formatting.ToUtc(input.AnsweredAt!.Value), User.Identity!.Name!, Now), l["The answer to the customer was recorded."], cancellationToken);

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public Task<IActionResult> Close(Guid id, CancellationToken cancellationToken) =>
        Change(id, null, c => c.Close(User.Identity!.Name!, Now), l["The complaint is closed."], cancellationToken);

    /// <summary>The Customer Feedback Handling Sheet (顾客信息反馈处理单), printable.</summary>
    [HttpGet]
    public async Task<IActionResult> Sheet(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : model.Value.Allowed ? View(model.Value.Model) : Forbid();
    }

    [HttpGet]
    public async Task<IActionResult> SheetPdf(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!model.Value.Allowed)
        {
            return Forbid();
        }

        var bytes = pdf.Render(FeedbackSheet.Build(model.Value.Model, l));
        return File(bytes, "application/pdf", $"feedback-{model.Value.Model.Complaint.Number}.pdf");
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!model.Value.Allowed)
        {
            return Forbid();
        }

        var c = model.Value.Model.Complaint;
        var ids = c.Actions.Select(a => a.Id).Concat(model.Value.Model.Returns.Select(r => r.Id)).Concat(model.Value.Model.Files?.Items.Select(f => f.Id) ?? [])
            .Append(c.Id).Select(x => x.ToString()).ToList();
        var view = await history.ForAsync(c.Number, Url.Action(nameof(Details), new { id })!, ids, page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    private IQueryable<Complaint> Visible() => access.VisibleComplaints(User).AsNoTracking();

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<(ComplaintDetailsViewModel Model, bool Allowed)?> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var allowed = await Visible().AnyAsync(c => c.Id == id, cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == complaint.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var contract = complaint.ContractId is null ? null : await db.Contracts.AsNoTracking().Where(c => c.Id == complaint.ContractId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        var chinese = Formatting.IsChinese;
        var product = complaint.ProductId is null ? null : await db.Products.AsNoTracking().Where(p => p.Id == complaint.ProductId).Select(p => chinese ? p.NameZh : p.NameEn).FirstOrDefaultAsync(cancellationToken);
        var returns = await db.Returns.AsNoTracking().Where(r => r.ComplaintId == id).OrderBy(r => r.ReceivedAtUtc).ToListAsync(cancellationToken);
        var owners = IsQuality
            ? await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(u.DisplayName, u.Id)).ToListAsync(cancellationToken)
            : [];
        var departments = await departmentNames.AllAsync(cancellationToken);
        var files = await attachmentAccess.ListAsync(Domain.Attachments.AttachmentOwner.Complaint, id, cancellationToken);
        var attachments = new Attachments.AttachmentsViewModel(
            Domain.Attachments.AttachmentOwner.Complaint, id, files,
            Attachments.AttachmentAccess.CanUpload(User, Domain.Attachments.AttachmentOwner.Complaint) && complaint.Status != ComplaintStatus.Closed,
            Url.Action(nameof(Details), new { id })!);
        return (new ComplaintDetailsViewModel(complaint, customer, contract, product, returns, Now, options.Value.AnswerWindow, IsQuality,
            ComplaintAccess.IsSales(User), UserId, owners, departments, attachments), allowed);
    }

    private async Task<IActionResult> Change(Guid id, object? input, Func<Complaint, Result> change, string message, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return NotFound();
        }

        if (!await Visible().AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Forbid();
        }

        if (input is not null && !ModelState.IsValid)
        {
            var found = await DetailsAsync(id, cancellationToken);
            return ShowErrors(found!.Value.Model);
        }

        var result = change(complaint);
        if (result.Succeeded)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Error"] = l["Someone else changed this complaint at the same time. Reload and try again."].Value;
                return RedirectToAction(nameof(Details), new { id });
            }
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? message : result.Error!.Localize(l);
        return RedirectToAction(nameof(Details), new { id });
    }

    private ViewResult ShowErrors(ComplaintDetailsViewModel model)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), model);
    }

}
