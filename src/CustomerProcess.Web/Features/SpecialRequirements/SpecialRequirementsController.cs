using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.SpecialRequirements;

/// <summary>Special-requirement cases (客户特殊要求, docs/process.md §10): open, the steps with notes, the owner's reminders, reports.</summary>
[Authorize]
public sealed class SpecialRequirementsController(
    AppDbContext db,
    CaseAccess access,
    CaseQueries queries,
    HistoryQuery history,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] CaseFilter filter, CancellationToken cancellationToken)
    {
        var page = await queries.Filtered(filter, User).ToPageAsync(filter.Page, cancellationToken);
        var pager = PagerModel.For(page, p => Url.Action(nameof(Index), filter.RouteValues(p))!);
        return View(new CaseIndexViewModel(filter, page, pager, queries.Today, CaseAccess.CanOpen(User)));
    }

    /// <summary>"My special requirements": the user's open cases, overdue and due soon first (the reminders).</summary>
    [HttpGet]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken) => View(await queries.MineAsync(User, cancellationToken));

    [HttpGet]
    [Authorize(Roles = CaseAccess.ReportRoles)]
    public async Task<IActionResult> Reports(CancellationToken cancellationToken) => View(await queries.ReportAsync(User, cancellationToken));

    [HttpGet]
    [Authorize(Roles = CaseAccess.OpenRoles)]
    public async Task<IActionResult> Create(string? order, CancellationToken cancellationToken)
    {
        await OwnersAsync(cancellationToken);
        return View(new OpenSpecialRequirement.Input
        {
            OrderNumber = order?.Length <= Domain.Orders.SalesOrder.NumberLength ? order : null,
            OwnerUserId = CaseAccess.UserId(User) ?? "",
            DueOn = queries.Today.AddDays(7),
        });
    }

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = CaseAccess.OpenRoles)]
    public async Task<IActionResult> Create(OpenSpecialRequirement.Input input, [FromServices] OpenSpecialRequirement.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await OwnersAsync(cancellationToken);
            return View(input);
        }

        return await this.Respond(await handler.HandleAsync(input, User, cancellationToken),
            id =>
            {
                TempData["Message"] = l["The case was opened."].Value;
                return RedirectToAction(nameof(Details), new { id });
            },
            async () =>
            {
                await OwnersAsync(cancellationToken);
                return View(input);
            }, l);
    }

    [HttpGet]
    public Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => DetailsViewAsync(id, cancellationToken);

    [CreatesRecord]
    [HttpPost]
    public async Task<IActionResult> Step(Guid id, AddCaseStep.Input input, [FromServices] AddCaseStep.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.Respond(await handler.HandleAsync(id, input, User, cancellationToken),
                () =>
                {
                    TempData["Message"] = l["The step was recorded."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => RedisplayAsync(id, cancellationToken), l);

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, User, tracked: false, cancellationToken);
        if (!loaded.Succeeded)
        {
            return await this.Failed(loaded.Error!, () => Task.FromResult<IActionResult>(NotFound()), l);
        }

        var ids = loaded.Value!.Notes.Select(n => n.Id).Append(id).Select(x => x.ToString()).ToList();
        var model = await history.ForAsync(l["Special requirement"] + " " + loaded.Value.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter,
            p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return DetailsViewAsync(id, cancellationToken);
    }

    private async Task<IActionResult> DetailsViewAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, User, tracked: false, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!.Kind == Domain.Common.ErrorKind.NotFound ? NotFound() : Forbid();
        }

        var c = loaded.Value!;
        var customer = await db.Customers.AsNoTracking().Where(x => x.Id == c.CustomerId).Select(x => new { x.Name, x.Code }).FirstAsync(cancellationToken);
        var order = c.OrderId is null ? null : await db.SalesOrders.AsNoTracking().Where(o => o.Id == c.OrderId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken);
        var contract = c.ContractId is null ? null : await db.Contracts.AsNoTracking().Where(k => k.Id == c.ContractId).Select(k => k.Number).FirstOrDefaultAsync(cancellationToken);
        return View(nameof(Details), new CaseDetailsViewModel(c, customer.Name, customer.Code, order, contract, queries.Today, CaseAccess.CanWork(User, c)));
    }

    private async Task OwnersAsync(CancellationToken cancellationToken) =>
        ViewData["Owners"] = (await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => new SelectListItem(u.DisplayName, u.Id)).ToList();
}
