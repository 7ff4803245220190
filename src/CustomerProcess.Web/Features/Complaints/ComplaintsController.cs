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

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private bool IsQuality => ComplaintAccess.IsQuality(User);

    private static readonly ComplaintStatus[] OpenStatuses = [.. Enum.GetValues<ComplaintStatus>().Where(s => s != ComplaintStatus.Closed)];

    [HttpGet]
    public async Task<IActionResult> Index(string? q, bool closed, int? page, CancellationToken cancellationToken)
    {
        // A disposed complaint (ADR 0041) leaves the list; its number stays in the disposal register.
        var query = Visible().Where(c => c.DisposalId == null);
        // The open statuses listed (not `!= Closed`), so SQLite reads the few open complaints through (Status, ReceivedAtUtc).
        query = closed ? query.Where(c => c.Status == ComplaintStatus.Closed) : query.Where(c => EF.Constant(OpenStatuses).Contains(c.Status));
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
        View(new LogComplaint.Input { ReceivedAt = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Formatting.DisplayZone).DateTime });

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Intake)]
    [RequestSizeLimit(LogComplaint.MaxFiles * (Attachment.MaxBytes + (64 * 1024)))]
    [RequestFormLimits(MultipartBodyLengthLimit = LogComplaint.MaxFiles * (Attachment.MaxBytes + (64 * 1024)))]
    public async Task<IActionResult> Create(LogComplaint.Input input, [FromServices] LogComplaint.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? View(input)
            : await this.Respond(
                await handler.HandleAsync(input, User, cancellationToken),
                id =>
                {
                    TempData["Message"] = l["The complaint was logged and is in the quality department's queue."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => Task.FromResult<IActionResult>(View(input)),
                l);

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : model.Value.Allowed ? View(model.Value.Model) : Forbid();
    }

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> Investigate(Guid id, RecordInvestigation.Input input, [FromServices] RecordInvestigation.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The investigation was recorded."], () => BackToDetails(id), l);

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> AddAction(Guid id, AddCorrectiveAction.Input input, [FromServices] AddCorrectiveAction.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The corrective action was added."], () => BackToDetails(id), l);

    [HttpPost]
    public async Task<IActionResult> CompleteAction(Guid id, Guid actionId, CompleteCorrectiveAction.Input input, [FromServices] CompleteCorrectiveAction.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? RefusedOnDetails(id)
            : await this.RespondByRedirect(await handler.HandleAsync(id, actionId, input, User, cancellationToken), l["The action was marked done; quality verifies it."], () => BackToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> VerifyAction(Guid id, Guid actionId, [FromServices] VerifyCorrectiveAction.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, actionId, User, cancellationToken), l["The action was verified."], () => BackToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> WaiveAction(Guid id, Guid actionId, WaiveCorrectiveAction.Input input, [FromServices] WaiveCorrectiveAction.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? RefusedOnDetails(id)
            : await this.RespondByRedirect(await handler.HandleAsync(id, actionId, input, User, cancellationToken), l["The action was waived."], () => BackToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> Answer(Guid id, AnswerComplaint.Input input, [FromServices] AnswerComplaint.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The answer to the customer was recorded."], () => BackToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = QualityRoles)]
    public async Task<IActionResult> Close(Guid id, [FromServices] CloseComplaint.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, User, cancellationToken), l["The complaint is closed."], () => BackToDetails(id), l);

    /// <summary>The Customer Feedback Handling Sheet (顾客信息反馈处理单), printable.</summary>
    [HttpGet]
    public async Task<IActionResult> Sheet(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : model.Value.Allowed ? View(model.Value.Model) : Forbid();
    }

    [HttpGet]
    public async Task<IActionResult> SheetPdf(Guid id, [FromServices] IConfiguration configuration, CancellationToken cancellationToken)
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

        var bytes = pdf.Render(FeedbackSheet.Build(model.Value.Model, l, configuration));
        return File(bytes, "application/pdf", $"feedback-{model.Value.Model.Complaint.Number}.pdf");
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
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
        var view = await history.ForAsync(c.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    private IQueryable<Complaint> Visible() => access.VisibleComplaints(User).AsNoTracking();

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

    private RedirectToActionResult BackToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });

    /// <summary>A one-field form on the details page that failed validation: back there with the message.</summary>
    private RedirectToActionResult RefusedOnDetails(Guid id)
    {
        TempData["Error"] = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).First();
        return BackToDetails(id);
    }

    /// <summary>The details page again with the form's messages (422); 404 or 403 when the complaint is missing or not visible.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await DetailsAsync(id, cancellationToken);
        return found is null ? NotFound() : !found.Value.Allowed ? Forbid() : ShowErrors(found.Value.Model);
    }

    private ViewResult ShowErrors(ComplaintDetailsViewModel model)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), model);
    }

}
