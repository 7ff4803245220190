using System.Globalization;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.CustomerProperty;

/// <summary>The customer property register (顾客财产, docs/process.md §8): receipt, inspection, storage, use, incident
/// reports to the customer with the customer's reply, return; the list with filters, Excel, the printed register and PDFs.</summary>
[Authorize(Roles = PropertyAccess.ReaderRoles)]
public sealed class CustomerPropertyController(
    PropertyQueries queries,
    PropertyExport export,
    PropertyDocuments documents,
    HistoryQuery history,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] PropertyFilter filter, CancellationToken cancellationToken)
    {
        var page = await queries.Rows(filter, User).ToPageAsync(filter.Page, cancellationToken);
        var pager = PagerModel.For(page, p => Url.Action(nameof(Index), filter.RouteValues(p))!);
        return View(new PropertyIndexViewModel(filter, page, pager, PropertyAccess.CanReceive(User)));
    }

    [HttpGet]
    public async Task<IActionResult> Export([FromQuery] PropertyFilter filter, CancellationToken cancellationToken)
    {
        var rows = await queries.AllRowsAsync(filter, User, cancellationToken);
        return File(export.Write(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"customer-property-{InputRules.Today(clock):yyyyMMdd}.xlsx");
    }

    /// <summary>The register as the paper form (顾客财产验证登录表), printable.</summary>
    [HttpGet]
    public async Task<IActionResult> Print([FromQuery] PropertyFilter filter, CancellationToken cancellationToken)
    {
        ViewData["FilterText"] = FilterText(filter);
        return View(await queries.AllRowsAsync(filter, User, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> RegisterPdf([FromQuery] PropertyFilter filter, CancellationToken cancellationToken)
    {
        var rows = await queries.AllRowsAsync(filter, User, cancellationToken);
        return File(documents.Register(rows, FilterText(filter)), "application/pdf", $"customer-property-{InputRules.Today(clock):yyyyMMdd}.pdf");
    }

    [HttpGet]
    [Authorize(Roles = PropertyAccess.ReceiveRoles)]
    public async Task<IActionResult> Create(string? order, [FromServices] OrderPropertyQuery orderProperty, CancellationToken cancellationToken)
    {
        // Opened from an order's page: the order and its customer are filled in.
        var orderNumber = order?.Length <= Domain.Orders.SalesOrder.NumberLength ? order : null;
        var customerCode = string.IsNullOrWhiteSpace(orderNumber) ? null : await orderProperty.CustomerCodeOfOrderAsync(orderNumber, User, cancellationToken);
        return View(new RegisterProperty.Input { OrderNumber = orderNumber, CustomerCode = customerCode, ReceivedOn = InputRules.Today(clock) });
    }

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = PropertyAccess.ReceiveRoles)]
    public async Task<IActionResult> Create(RegisterProperty.Input input, [FromServices] RegisterProperty.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(input);
        }

        return await this.Respond(await handler.HandleAsync(input, User, cancellationToken),
            id =>
            {
                TempData["Message"] = l["The property was registered."].Value;
                return RedirectToAction(nameof(Details), new { id });
            },
            () => Task.FromResult<IActionResult>(View(input)), l);
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => await DetailsViewAsync(id, cancellationToken);

    [HttpPost]
    [Authorize(Roles = PropertyAccess.QualityRoles)]
    public async Task<IActionResult> Inspect(Guid id, InspectProperty.Input input, [FromServices] InspectProperty.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.Respond(await handler.HandleAsync(id, input, User, cancellationToken),
                () => Done(id, l["The inspection was recorded."]), () => RedisplayAsync(id, cancellationToken), l);

    [HttpPost]
    [Authorize(Roles = PropertyAccess.UseRoles)]
    public async Task<IActionResult> Use(Guid id, RecordPropertyUse.Input input, [FromServices] RecordPropertyUse.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.Respond(await handler.HandleAsync(id, input, User, cancellationToken),
                () => Done(id, l["The use was recorded."]), () => RedisplayAsync(id, cancellationToken), l);

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = PropertyAccess.QualityRoles)]
    public async Task<IActionResult> ReportIncident(Guid id, ReportPropertyIncident.Input input, [FromServices] ReportPropertyIncident.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.Respond(await handler.HandleAsync(id, input, User, cancellationToken),
                _ => Done(id, l["The incident report was made; pass it to the customer."]), () => RedisplayAsync(id, cancellationToken), l);

    [HttpPost]
    [Authorize(Roles = PropertyAccess.ReplyRoles)]
    public async Task<IActionResult> Reply(Guid id, RecordIncidentReply.Input input, [FromServices] RecordIncidentReply.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.Respond(await handler.HandleAsync(id, input, User, cancellationToken),
                () => Done(id, l["The customer's reply was recorded."]), () => RedisplayAsync(id, cancellationToken), l);

    [HttpPost]
    [Authorize(Roles = PropertyAccess.QualityRoles)]
    public async Task<IActionResult> Return(Guid id, ReturnProperty.Input input, [FromServices] ReturnProperty.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await RedisplayAsync(id, cancellationToken)
            : await this.Respond(await handler.HandleAsync(id, input, User, cancellationToken),
                () => Done(id, l["The item was returned to the customer."]), () => RedisplayAsync(id, cancellationToken), l);

    /// <summary>The incident report (顾客财产问题报告), printable; <paramref name="id"/> is the item, <paramref name="report"/> the incident.</summary>
    [HttpGet]
    public async Task<IActionResult> Incident(Guid id, Guid report, CancellationToken cancellationToken)
    {
        var model = await IncidentAsync(id, report, cancellationToken);
        return model.Result ?? View(model.Model);
    }

    [HttpGet]
    public async Task<IActionResult> IncidentPdf(Guid id, Guid report, CancellationToken cancellationToken)
    {
        var model = await IncidentAsync(id, report, cancellationToken);
        return model.Result ?? File(documents.Incident(model.Model!), "application/pdf", $"property-incident-{model.Model!.Incident.Number}.pdf");
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var found = await queries.FindAsync(id, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.Value.Allowed)
        {
            return Forbid();
        }

        var ids = found.Value.Item.Incidents.Select(i => i.Id).Append(id).Select(x => x.ToString()).ToList();
        var model = await history.ForAsync(l["Customer property"] + " " + found.Value.Item.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter,
            p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    private IActionResult Done(Guid id, string message)
    {
        TempData["Message"] = message;
        return RedirectToAction(nameof(Details), new { id });
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
        var found = await queries.FindAsync(id, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.Value.Allowed)
        {
            return Forbid();
        }

        var (item, customerName, customerCode, order, contract, _) = found.Value;
        return View(nameof(Details), PropertyQueries.Details(item, customerName, customerCode, order, contract, User, InputRules.Today(clock)));
    }

    private async Task<(IActionResult? Result, IncidentReportViewModel? Model)> IncidentAsync(Guid id, Guid report, CancellationToken cancellationToken)
    {
        var found = await queries.FindAsync(id, User, cancellationToken);
        var incident = found?.Item.Incidents.FirstOrDefault(i => i.Id == report);
        if (found is null || incident is null)
        {
            return (NotFound(), null);
        }

        if (!found.Value.Allowed)
        {
            return (Forbid(), null);
        }

        var (item, customerName, customerCode, order, contract, _) = found.Value;
        return (null, new IncidentReportViewModel(incident, item, customerName, customerCode, order, contract));
    }

    private string FilterText(PropertyFilter filter)
    {
        var parts = new List<string> { l["Printed on {0}", Formatting.Date(InputRules.Today(clock))] };
        if (filter.Status is { } status)
        {
            parts.Add(l["Status"] + ": " + l["PropertyStatus." + status]);
        }

        if (filter.Kind is { } kind)
        {
            parts.Add(l["Kind"] + ": " + l["PropertyKind." + kind]);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            parts.Add(l["Search"] + ": " + filter.Q.Trim());
        }

        return string.Join(" · ", parts.Select(p => p.ToString(CultureInfo.CurrentCulture)));
    }
}
