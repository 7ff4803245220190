using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Contracts;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Orders;

/// <summary>Sales captures customer requirements and orders (docs/process.md §3) and submits them for review.</summary>
[Authorize]
public sealed class OrdersController(
    AppDbContext db,
    SubmitOrderForReview.Handler submit,
    ReviewRouting routing,
    ReviewAccess access,
    HistoryQuery history,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const string Capturers = Roles.Sales + "," + Roles.SalesManager;
    private const string ContractSigners = Roles.ContractAdministrator + "," + Roles.SalesManager;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet]
    public async Task<IActionResult> Index(string? q, OrderStatus? status, int? page, CancellationToken cancellationToken)
    {
        var query = db.SalesOrders.AsNoTracking();
        if (!ReviewAccess.SeesAllOrders(User))
        {
            query = query.Where(o => o.SalesUserId == UserId);
        }

        if (status is not null)
        {
            query = query.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(o => o.Number.StartsWith(term) || db.Customers.Any(c => c.Id == o.CustomerId && (c.Code.StartsWith(term) || c.SearchName.Contains(term))));
        }

        var rows = await query
            .OrderByDescending(o => o.CreatedAtUtc)
            .Select(o => new OrderListRow(
                o.Id, o.Number,
                db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(),
                o.TotalMinor, o.Status, o.CreatedAtUtc,
                db.Users.Where(u => u.Id == o.SalesUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToPageAsync(page, cancellationToken);
        var canCreate = User.IsInRole(Roles.Sales) || User.IsInRole(Roles.SalesManager);
        return View(new OrderIndexViewModel(q, status, rows, PagerModel.For(rows, p => Url.Action(nameof(Index), new { q, status, page = p })!), canCreate));
    }

    [HttpGet]
    [Authorize(Roles = Capturers)]
    public async Task<IActionResult> Create(string? customer, CancellationToken cancellationToken)
    {
        var input = new CreateOrder.Input { CustomerCode = customer ?? "" };
        return View("Form", await FormAsync(null, null, input, cancellationToken));
    }

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Capturers)]
    public async Task<IActionResult> Create(CreateOrder.Input input, [FromServices] CreateOrder.Handler handler, CancellationToken cancellationToken)
    {
        if (input.Command == "addLine" || !ModelState.IsValid)
        {
            return await RedisplayCreateAsync(input, cancellationToken);
        }

        var created = await handler.HandleAsync(input, UserId, cancellationToken);
        return created.Succeeded
            ? await AfterSaveAsync(created.Value, input.Command, cancellationToken)
            : await this.Failed(created.Error!, () => RedisplayCreateAsync(input, cancellationToken), l);
    }

    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var order = await FindOrderAsync(id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (!CanEdit(order))
        {
            return Forbid();
        }

        var customerCode = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Code).FirstAsync(cancellationToken);
        var productIds = order.Lines.Where(x => x.ProductId != null).Select(x => x.ProductId!.Value).ToList();
        var codes = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken);
        return View("Form", await FormAsync(order.Id, order.Number, OrderInput.From<UpdateDraftOrder.Input>(order, customerCode, codes), cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(Guid id, UpdateDraftOrder.Input input, [FromServices] UpdateDraftOrder.Handler handler, CancellationToken cancellationToken)
    {
        if (input.Command == "addLine" || !ModelState.IsValid)
        {
            return await RedisplayEditAsync(id, input, cancellationToken);
        }

        var updated = await handler.HandleAsync(id, input, User, cancellationToken);
        return updated.Succeeded
            ? await AfterSaveAsync(id, input.Command, cancellationToken)
            : await this.Failed(updated.Error!, () => RedisplayEditAsync(id, input, cancellationToken), l);
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, [FromServices] CustomerProperty.OrderPropertyQuery property, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return await access.CanReadAsync(User, model.Order, model.Review, cancellationToken)
            ? View(model with { Property = await property.ForOrderAsync(model.Order, User, cancellationToken) })
            : Forbid();
    }

    /// <summary>The oral-order confirmation sheet (顾客电话(口头)传真订单确认表), printable; 404 for an order not taken orally.</summary>
    [HttpGet]
    public async Task<IActionResult> OralConfirmation(Guid id, CancellationToken cancellationToken) =>
        await OralConfirmationSheetAsync(id, model => View(model), cancellationToken);

    [HttpGet]
    public async Task<IActionResult> OralConfirmationPdf(Guid id, [FromServices] IPdfRenderer pdf, [FromServices] IConfiguration configuration, CancellationToken cancellationToken) =>
        await OralConfirmationSheetAsync(
            id, model => File(pdf.Render(OralConfirmationSheet.Build(model, l, configuration)), "application/pdf", $"oral-confirmation-{model.Details.Order.Number}.pdf"), cancellationToken);

    private async Task<IActionResult> OralConfirmationSheetAsync(Guid id, Func<OralConfirmationSheetModel, IActionResult> show, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        if (model is null || !model.Order.IsOral)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, model.Order, model.Review, cancellationToken))
        {
            return Forbid();
        }

        // The recorder by display name; a confirmation recorded before docs/adr/0035 may hold the login name.
        var recorded = model.Order.OralConfirmationRecordedBy;
        var recorder = recorded is null ? null : await db.Users.AsNoTracking().Where(u => u.UserName == recorded).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return show(new OralConfirmationSheetModel(model, string.IsNullOrEmpty(recorder) ? recorded : recorder));
    }

    [HttpPost]
    public async Task<IActionResult> Submit(Guid id, bool confirmPastDelivery, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (!CanEdit(order))
        {
            return Forbid();
        }

        if (!confirmPastDelivery && await HoldForPastDeliveryAsync(id, cancellationToken))
        {
            return RedirectToAction(nameof(Details), new { id });
        }

        var result = await submit.HandleAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error!.Localize(l);
            return RedirectToAction(nameof(Details), new { id });
        }

        TempData["Message"] = l["The order was submitted for review."].Value;
        return RedirectToAction("Details", "Reviews", new { id = result.Value });
    }

    [HttpPost]
    public async Task<IActionResult> Withdraw(Guid id, [MaxLength(SalesOrder.TextLength)] string? reason, [FromServices] WithdrawOrder.Handler handler, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (order.SalesUserId != UserId && !User.IsInRole(Roles.SalesManager))
        {
            return Forbid();
        }

        return await this.RespondByRedirect(await handler.HandleAsync(id, User.Identity!.Name!, reason, cancellationToken), l["The order was withdrawn."], () => RedirectToAction(nameof(Details), new { id }), l);
    }

    [HttpPost]
    public async Task<IActionResult> ConfirmOral(Guid id, ConfirmOralOrder.Input input, [FromServices] ConfirmOralOrder.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RefusedOnDetailsAsync(id, cancellationToken)
            : await this.RespondByRedirect(
                await handler.HandleAsync(id, input, User, cancellationToken), l["The customer's confirmation was recorded."], () => RedirectToAction(nameof(Details), new { id }), l);

    [HttpPost]
    [Authorize(Roles = ContractSigners)]
    public async Task<IActionResult> SignContract(Guid id, SignContract.Input input, [FromServices] SignContract.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return RedirectToAction(nameof(Details), new { id });
        }

        var result = await handler.HandleAsync(id, UserId, input, cancellationToken);
        var entered = result.Succeeded ? l["Contract {0} was entered in the ledger.", result.Value!.Number].Value : "";
        return await this.Respond(
            result,
            contract =>
            {
                TempData["Message"] = entered;
                return RedirectToAction("Details", "Ledger", new { id = contract.Id });
            },
            () =>
            {
                TempData["Error"] = result.Error!.Localize(l);
                return Task.FromResult<IActionResult>(RedirectToAction(nameof(Details), new { id }));
            },
            l);
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var order = await FindOrderAsync(id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        var review = await db.Reviews.AsNoTracking().Include(r => r.Sections).FirstOrDefaultAsync(r => r.SubjectKind == ReviewSubjectKind.SalesOrder && r.SubjectId == id, cancellationToken);
        if (!await access.CanReadAsync(User, order, review, cancellationToken))
        {
            return Forbid();
        }

        var ids = order.Lines.Select(x => x.Id.ToString()).Append(id.ToString()).ToList();
        var model = await history.ForAsync(order.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    /// <summary>The capture form again after "add line" or with the validator's messages.</summary>
    private async Task<IActionResult> RedisplayCreateAsync(CreateOrder.Input input, CancellationToken cancellationToken)
    {
        if (input.Command == "addLine")
        {
            ModelState.Clear();
        }

        return View("Form", await FormAsync(null, null, input, cancellationToken));
    }

    /// <summary>The edit form again (after "add line", with the validator's or the use case's message), only to
    /// someone who may change the draft.</summary>
    private async Task<IActionResult> RedisplayEditAsync(Guid id, UpdateDraftOrder.Input input, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (!CanEdit(order))
        {
            return Forbid();
        }

        if (input.Command == "addLine")
        {
            ModelState.Clear();
        }

        return View("Form", await FormAsync(id, order.Number, input, cancellationToken));
    }

    /// <summary>A small form on the details page failed its validator: back to the page with the messages, only to
    /// someone who may record the confirmation.</summary>
    private async Task<IActionResult> RefusedOnDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (!ConfirmOralOrder.Handler.MayConfirm(order, User))
        {
            return Forbid();
        }

        TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<SalesOrder?> FindOrderAsync(Guid id, CancellationToken cancellationToken) =>
        db.SalesOrders.Include("_lines").FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task<IActionResult> AfterSaveAsync(Guid id, string? command, CancellationToken cancellationToken)
    {
        if (command == "submit" && await HoldForPastDeliveryAsync(id, cancellationToken))
        {
            TempData["Message"] = l["The draft was saved."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        if (command == "submit")
        {
            var submitted = await submit.HandleAsync(id, cancellationToken);
            if (submitted.Succeeded)
            {
                TempData["Message"] = l["The order was submitted for review."].Value;
                return RedirectToAction("Details", "Reviews", new { id = submitted.Value });
            }

            TempData["Error"] = l["The draft was saved but not submitted: {0}", submitted.Error!.Localize(l)].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }

        TempData["Message"] = l["The draft was saved."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>An order with a line due before today is not submitted until sales confirms it: the details
    /// page shows the lines with "Submit anyway" (issue #21).</summary>
    private async Task<bool> HoldForPastDeliveryAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().Include("_lines").FirstAsync(o => o.Id == id, cancellationToken);
        var late = order.LinesDueBefore(InputRules.Today(clock));
        if (late.Count == 0)
        {
            return false;
        }

        TempData["PastDelivery"] = string.Join(", ", late.Select(line => line.LineNo.ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    private bool CanEdit(SalesOrder order) => UpdateDraftOrder.Handler.MayEdit(order, User);

    private async Task<OrderDetailsViewModel?> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().Include("_lines").FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
        var productIds = order.Lines.Where(x => x.ProductId != null).Select(x => x.ProductId!.Value).ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var review = await db.Reviews.AsNoTracking().Include(r => r.Sections).Where(r => r.SubjectKind == ReviewSubjectKind.SalesOrder && r.SubjectId == id).OrderByDescending(r => r.OpenedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.OrderId == id, cancellationToken);
        var salesName = await db.Users.Where(u => u.Id == order.SalesUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var thresholds = await routing.ThresholdsAsync(cancellationToken);
        var preview = order.Status == OrderStatus.Draft ? (await routing.DecideAsync(order, customer.Class, cancellationToken)).Decision : null;
        var mine = order.SalesUserId == UserId || User.IsInRole(Roles.SalesManager);
        var chinese = Formatting.IsChinese;
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => chinese ? d.NameZh : d.NameEn, cancellationToken);
        return new OrderDetailsViewModel(
            order, customer, products, salesName, review, preview, review?.Thresholds ?? thresholds, contract,
            CanEdit(order),
            mine && order.Status is OrderStatus.Draft or OrderStatus.UnderReview or OrderStatus.AwaitingApproval,
            order.Status == OrderStatus.Approved && (User.IsInRole(Roles.ContractAdministrator) || User.IsInRole(Roles.SalesManager)),
            names);
    }

    private async Task<OrderFormViewModel> FormAsync(Guid? id, string? number, OrderInput input, CancellationToken cancellationToken)
    {
        while (input.Lines.Count(x => x.IsBlank) < (input.Command == "addLine" ? 1 : 0) || input.Lines.Count < OrderInput.BlankLines)
        {
            input.Lines.Add(new OrderLineInput());
        }

        var customers = await db.Customers.AsNoTracking().Where(c => c.Status == Domain.Customers.CustomerStatus.Active)
            .OrderBy(c => c.Code).Take(300).Select(c => new CodeName(c.Code, c.Name)).ToListAsync(cancellationToken);
        var chinese = Formatting.IsChinese;
        var products = await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Take(500)
            .Select(p => new CodeName(p.Code, chinese ? p.NameZh : p.NameEn)).ToListAsync(cancellationToken);
        return new OrderFormViewModel(id, number, input, customers, products);
    }

}
