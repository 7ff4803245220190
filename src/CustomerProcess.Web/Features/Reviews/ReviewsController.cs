using System.Security.Claims;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The review form (产品要求评审表 / 合同评审表): sections, signatures, discrepancies, conclusion.</summary>
[Authorize]
[Route("Reviews")]
public sealed class ReviewsController(
    ReviewAccess access,
    ReviewFormDocument formDocument,
    ReviewQueries queries,
    HistoryQuery history,
    DepartmentNames departmentNames,
    IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("{id:guid}")]
    [HttpGet("Details/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : await queries.CanReadAsync(User, model, cancellationToken) ? View(model) : Forbid();
    }

    [HttpPost("{id:guid}/Sections/{department}/Sign")]
    public async Task<IActionResult> Sign(Guid id, string department, SignSection.Input input, [FromServices] SignSection.Handler handler, CancellationToken cancellationToken)
    {
        if (!await CanActForAsync(department, cancellationToken))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            input.Password = "";
            return await ShowErrorsAsync(id, department, cancellationToken, input);
        }

        var result = await handler.HandleAsync(id, department, UserId, input, cancellationToken);
        var signed = result.Succeeded ? l["The {0} section was signed.", await departmentNames.OfAsync(department, cancellationToken)].Value : "";
        input.Password = "";
        return await this.Respond(result, () => Redirected(id, signed), () => RedisplayAsync(id, department, input, cancellationToken), l);
    }

    [CreatesRecord]
    [HttpPost("{id:guid}/Sections/{department}/Discrepancies")]
    public async Task<IActionResult> RaiseDiscrepancy(Guid id, string department, RaiseDiscrepancy.Input input, [FromServices] RaiseDiscrepancy.Handler handler, CancellationToken cancellationToken)
    {
        if (!await CanActForAsync(department, cancellationToken))
        {
            return Forbid();
        }

        return !ModelState.IsValid
            ? await ShowErrorsAsync(id, department, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, department, UserId, input, cancellationToken),
                l["The discrepancy was raised. The sales manager resolves it with the customer."], () => ToDetails(id), l);
    }

    [HttpPost("{id:guid}/Discrepancies/{discrepancyId:guid}/Resolve")]
    [Authorize(Roles = Roles.SalesManager)]
    public async Task<IActionResult> ResolveDiscrepancy(Guid id, Guid discrepancyId, ResolveDiscrepancy.Input input, [FromServices] ResolveDiscrepancy.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ShowErrorsAsync(id, null, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, discrepancyId, UserId, input, cancellationToken),
                input.ChangesContent
                    ? l["The resolution was recorded. The order changed, so every section must be signed again."]
                    : l["The resolution was recorded. The raising department confirms it."],
                () => ToDetails(id), l);

    [HttpPost("{id:guid}/Discrepancies/{discrepancyId:guid}/Confirm")]
    public async Task<IActionResult> ConfirmDiscrepancy(Guid id, Guid discrepancyId, [FromServices] ConfirmDiscrepancy.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, discrepancyId, UserId, cancellationToken), l["The discrepancy is closed."], () => ToDetails(id), l);

    [HttpPost("{id:guid}/Discrepancies/{discrepancyId:guid}/Reopen")]
    public async Task<IActionResult> ReopenDiscrepancy(Guid id, Guid discrepancyId, ReopenDiscrepancy.Input input, [FromServices] ReopenDiscrepancy.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ShowErrorsAsync(id, null, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, discrepancyId, UserId, input, cancellationToken), l["The discrepancy was reopened."], () => ToDetails(id), l);

    [HttpPost("{id:guid}/Meeting")]
    [Authorize(Roles = Roles.SalesManager)]
    public async Task<IActionResult> Meeting(Guid id, RecordMeeting.Input input, [FromServices] RecordMeeting.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ShowErrorsAsync(id, null, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, cancellationToken), l["The review meeting was recorded."], () => ToDetails(id), l);

    [HttpPost("{id:guid}/RaiseLevel")]
    [Authorize(Roles = Roles.SalesManager)]
    public async Task<IActionResult> RaiseLevel(Guid id, RaiseLevel.Input input, [FromServices] RaiseLevel.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ShowErrorsAsync(id, null, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, UserId, input, cancellationToken), l["The review level was raised."], () => ToDetails(id), l);

    [HttpPost("{id:guid}/Conclude")]
    [Authorize(Roles = Roles.SalesManager + "," + Roles.BusinessUnitHead)]
    public async Task<IActionResult> Conclude(Guid id, ConcludeReview.Input input, [FromServices] ConcludeReview.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ShowErrorsAsync(id, null, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, UserId, User, input, cancellationToken), l["The review is concluded: the order is approved."], () => ToDetails(id), l);

    [HttpPost("{id:guid}/Approve")]
    [Authorize(Roles = Roles.GeneralManager)]
    public async Task<IActionResult> Approve(Guid id, ApproveReview.Input input, [FromServices] ApproveReview.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ShowErrorsAsync(id, null, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, UserId, input, cancellationToken), l["Approved by the general manager."], () => ToDetails(id), l);

    [HttpPost("{id:guid}/Reject")]
    [Authorize(Roles = Roles.GeneralManager)]
    public async Task<IActionResult> Reject(Guid id, RejectReview.Input input, [FromServices] RejectReview.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ShowErrorsAsync(id, null, cancellationToken)
            : await this.RespondByRedirect(await handler.HandleAsync(id, UserId, input, cancellationToken), l["The order was rejected."], () => ToDetails(id), l);

    [HttpGet("{id:guid}/Print")]
    public async Task<IActionResult> Print(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : await queries.CanReadAsync(User, model, cancellationToken) ? View(model) : Forbid();
    }

    [HttpGet("{id:guid}/Pdf")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!await queries.CanReadAsync(User, model, cancellationToken))
        {
            return Forbid();
        }

        var bytes = formDocument.Render(model);
        return File(bytes, "application/pdf", $"review-{model.Subject.Number}.pdf");
    }

    [HttpGet("{id:guid}/History")]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!await queries.CanReadAsync(User, model, cancellationToken))
        {
            return Forbid();
        }

        var r = model.Review;
        var ids = r.Sections.Select(s => s.Id).Concat(r.Signatures.Select(s => s.Id)).Concat(r.Discrepancies.Select(d => d.Id)).Append(r.Id)
            .Select(x => x.ToString()).ToList();
        var view = await history.ForAsync(model.Subject.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    private async Task<bool> CanActForAsync(string department, CancellationToken cancellationToken) =>
        (await access.SignableDepartmentsAsync(UserId, cancellationToken)).Contains(department);

    private Task<ReviewDetailsViewModel?> ModelAsync(Guid id, CancellationToken cancellationToken, string? errorSection = null, SignSection.Input? posted = null) =>
        queries.DetailsAsync(id, User, cancellationToken, errorSection, posted);

    /// <summary>The review form again with the input's validation errors (422).</summary>
    private async Task<IActionResult> ShowErrorsAsync(Guid id, string? section, CancellationToken cancellationToken, SignSection.Input? posted = null)
    {
        var response = await RedisplayAsync(id, section, posted, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return response;
    }

    /// <summary>The review form again with the errors in ModelState; <see cref="UseCaseResponses"/> sets the status by the error's kind.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, string? section, SignSection.Input? posted, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken, section, posted);
        return model is null ? NotFound() : View(nameof(Details), model);
    }

    private RedirectToActionResult Redirected(Guid id, string message)
    {
        TempData["Message"] = message;
        return ToDetails(id);
    }

    private RedirectToActionResult ToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });
}
