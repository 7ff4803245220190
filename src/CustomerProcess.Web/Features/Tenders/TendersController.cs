using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tenders;

public sealed record TenderRow(Guid Id, string Number, string CustomerName, string Project, DateTime DeadlineUtc, decimal EstimatedAmount, decimal? BidAmount, TenderStatus Status);

public sealed record TenderListViewModel(string? Query, Page<TenderRow> Page, PagerModel Pager, bool CanRegister);

public sealed record TenderReviewLink(Guid Id, Domain.Reviews.ReviewSubjectKind Kind, Domain.Reviews.ReviewStatus Status, DateTime OpenedAtUtc);

public sealed record TenderDetailsViewModel(
    Tender Tender, string CustomerCode, string CustomerName, string? OrderNumber, bool CanChange, Attachments.AttachmentsViewModel Files,
    TenderReviewRoute GoNoGoRoute, TenderReviewRoute? BidRoute, IReadOnlyList<TenderReviewLink> Reviews);

/// <summary>Tenders / 投标 (docs/process.md §4.1): invitation, clarifications, go/no-go and bid reviews, outcome, order.</summary>
[Authorize]
public sealed class TendersController(
    AppDbContext db, TenderAccess access, Attachments.AttachmentAccess attachments, HistoryQuery history, DepartmentNames departmentNames, IStringLocalizer<SharedResource> l) : Controller
{
    private const string Registrars = TenderAccess.RegisterRoles;

    [HttpGet]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        var query = access.Visible(User).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(t => t.Number.StartsWith(upper) || t.Project.Contains(term)
                || db.Customers.Any(c => c.Id == t.CustomerId && (c.Code.StartsWith(upper) || c.SearchName.Contains(upper))));
        }

        var rows = await query
            .OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new TenderRow(t.Id, t.Number, db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).First(), t.Project, t.DeadlineUtc, t.EstimatedAmount, t.BidAmount, t.Status))
            .ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Index), new { q, page = p })!);
        return View(new TenderListViewModel(q, rows, pager, User.IsInRole(Domain.Security.Roles.Sales) || User.IsInRole(Domain.Security.Roles.SalesManager)));
    }

    [HttpGet]
    [Authorize(Roles = Registrars)]
    public IActionResult Create() => View(new RegisterTender.Input());

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Registrars)]
    [RequestSizeLimit(RegisterTender.MaxFiles * (Attachment.MaxBytes + (64 * 1024)))]
    [RequestFormLimits(MultipartBodyLengthLimit = RegisterTender.MaxFiles * (Attachment.MaxBytes + (64 * 1024)))]
    public async Task<IActionResult> Create(RegisterTender.Input input, [FromServices] RegisterTender.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? View(input)
            : await this.Respond(await handler.HandleAsync(input, User, cancellationToken),
                id =>
                {
                    TempData["Message"] = l["The invitation to tender was registered."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => Task.FromResult<IActionResult>(View(input)), l);

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : model.Value.Allowed ? View(model.Value.Model) : Forbid();
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

        var t = model.Value.Model.Tender;
        var ids = t.Clarifications.Select(c => c.Id).Concat(t.Competitors.Select(c => c.Id)).Concat(model.Value.Model.Files.Items.Select(f => f.Id))
            .Append(t.Id).Select(x => x.ToString()).ToList();
        var view = await history.ForAsync(t.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> Ask(Guid id, AskClarification.Input input, [FromServices] AskClarification.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The clarification was recorded."], () => ToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> Answer(Guid id, AnswerClarification.Input input, [FromServices] AnswerClarification.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The answer was recorded."], () => ToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> Bid(Guid id, PrepareBid.Input input, [FromServices] PrepareBid.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The bid was saved."], () => ToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> StartReview(Guid id, StartTenderReview.Input input, [FromServices] StartTenderReview.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.Respond(await handler.HandleAsync(id, input, User, cancellationToken),
                reviewId =>
                {
                    TempData["Message"] = l["The review was opened; the department heads sign it on the review form."].Value;
                    return Redirect($"/Reviews/{reviewId}");
                },
                () =>
                {
                    TempData["Error"] = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
                    return Task.FromResult<IActionResult>(ToDetails(id));
                }, l);

    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> Submit(Guid id, [FromServices] SubmitBid.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, User, cancellationToken), l["The bid is recorded as submitted."], () => ToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> Outcome(Guid id, RecordTenderOutcome.Input input, [FromServices] RecordTenderOutcome.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The outcome was recorded."], () => ToDetails(id), l);

    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> Withdraw(Guid id, WithdrawTender.Input input, [FromServices] WithdrawTender.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The tender was withdrawn."], () => ToDetails(id), l);

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Registrars)]
    public async Task<IActionResult> CreateOrder(Guid id, [FromServices] CreateOrderFromTender.Handler handler, CancellationToken cancellationToken) =>
        await this.Respond(await handler.HandleAsync(id, User, cancellationToken),
            orderId =>
            {
                TempData["Message"] = l["The won tender became a draft order; complete its lines and submit it."].Value;
                return RedirectToAction("Details", "Orders", new { id = orderId });
            },
            () =>
            {
                TempData["Error"] = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
                return Task.FromResult<IActionResult>(ToDetails(id));
            }, l);

    [HttpGet]
    [Authorize(Roles = Domain.Security.Roles.Administrator)]
    public async Task<IActionResult> Policy(CancellationToken cancellationToken) =>
        View(new ChangeTenderPolicy.Input { FullReviewAmount = (await TenderAccess.ThresholdsAsync(db, cancellationToken)).FullReviewAmount });

    [HttpPost]
    [Authorize(Roles = Domain.Security.Roles.Administrator)]
    public async Task<IActionResult> Policy(ChangeTenderPolicy.Input input, [FromServices] ChangeTenderPolicy.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? View(input)
            : await this.Respond(await handler.HandleAsync(input, cancellationToken),
                () =>
                {
                    TempData["Message"] = l["The tender review threshold was saved. Tender reviews opened from now on use it."].Value;
                    return RedirectToAction(nameof(Policy));
                },
                () => Task.FromResult<IActionResult>(View(input)), l);

    private RedirectToActionResult ToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });

    /// <summary>The details page again with the form's messages (a form posted from it failed validation).</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
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

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), model.Value.Model);
    }

    private async Task<(TenderDetailsViewModel Model, bool Allowed)?> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().Include(t => t.Clarifications).Include(t => t.Competitors).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null)
        {
            return null;
        }

        var allowed = await access.Visible(User).AnyAsync(t => t.Id == id, cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == tender.CustomerId).Select(c => new { c.Code, c.Name }).FirstAsync(cancellationToken);
        var order = tender.OrderId is null ? null : await db.SalesOrders.AsNoTracking().Where(o => o.Id == tender.OrderId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken);
        var canChange = TenderAccess.MayChange(User, tender);
        var files = await attachments.ListAsync(AttachmentOwner.Tender, id, cancellationToken);
        var fileModel = new Attachments.AttachmentsViewModel(AttachmentOwner.Tender, id, files, canChange && Attachments.AttachmentAccess.CanUpload(User, AttachmentOwner.Tender),
            Url.Action(nameof(Details), new { id })!);
        var thresholds = await TenderAccess.ThresholdsAsync(db, cancellationToken);
        var goNoGo = TenderReviewPolicy.Decide(TenderReviewStage.GoNoGo, tender.EstimatedAmount, thresholds);
        var bid = tender.BidAmount is { } amount ? TenderReviewPolicy.Decide(TenderReviewStage.Bid, amount, thresholds) : null;
        ViewData["DepartmentNames"] = await departmentNames.AllAsync(cancellationToken);
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.SubjectId == id && (r.SubjectKind == Domain.Reviews.ReviewSubjectKind.TenderInvitation || r.SubjectKind == Domain.Reviews.ReviewSubjectKind.Bid))
            .OrderBy(r => r.OpenedAtUtc).Select(r => new TenderReviewLink(r.Id, r.SubjectKind, r.Status, r.OpenedAtUtc)).ToListAsync(cancellationToken);
        return (new TenderDetailsViewModel(tender, customer.Code, customer.Name, order, canChange, fileModel, goNoGo, bid, reviews), allowed);
    }
}
