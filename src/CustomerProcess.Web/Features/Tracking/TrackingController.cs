using CustomerProcess.Domain.Common;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>Performance of a contract, recorded from its ledger page: deliveries, invoices, payments, closing,
/// and the communication log. Each form posts here and comes back to the ledger page. An unknown contract is
/// 404 and a role that may not act 403, before the form's own messages are looked at.</summary>
[Authorize]
[Route("Contracts/{id:guid}")]
public sealed class TrackingController(IStringLocalizer<SharedResource> l) : Controller
{
    [CreatesRecord]
    [HttpPost("Deliveries")]
    public async Task<IActionResult> Delivery(Guid id, RecordDelivery.Input input, [FromServices] RecordDelivery.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await Refused(id, "deliveries", await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The delivery was recorded."], () => Ledger(id, "deliveries"), l);

    [CreatesRecord]
    [HttpPost("Invoices")]
    public async Task<IActionResult> Invoice(Guid id, RecordInvoice.Input input, [FromServices] RecordInvoice.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await Refused(id, "invoices", await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The invoice was recorded."], () => Ledger(id, "invoices"), l);

    [CreatesRecord]
    [HttpPost("Payments")]
    public async Task<IActionResult> Payment(Guid id, RecordPayment.Input input, [FromServices] RecordPayment.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await Refused(id, "payments", await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The payment was recorded."], () => Ledger(id, "payments"), l);

    [HttpPost("Close")]
    public async Task<IActionResult> Close(Guid id, CloseContract.Input input, [FromServices] CloseContract.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await Refused(id, "close", await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The contract was closed."], () => Ledger(id, "performance"), l);

    [CreatesRecord]
    [HttpPost("Communications")]
    public async Task<IActionResult> Communication(Guid id, LogCommunication.Input input, [FromServices] LogCommunication.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await Refused(id, "communication", await handler.AuthorizeAsync(id, User, cancellationToken))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, User, cancellationToken), l["The communication was logged."], () => Ledger(id, "communication"), l);

    private RedirectResult Ledger(Guid id, string anchor) => Redirect(Url.Action("Details", "Ledger", new { id }) + "#" + anchor);

    /// <summary>The form was invalid: 404/403 when the user may not act at all, otherwise the validation
    /// messages of the posted form shown on the ledger page.</summary>
    private Task<IActionResult> Refused(Guid id, string anchor, Result allowed) =>
        this.Respond(
            allowed,
            () =>
            {
                TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
                return Ledger(id, anchor);
            },
            () => Task.FromResult<IActionResult>(Ledger(id, anchor)),
            l);
}
