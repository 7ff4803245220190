using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The review form (产品要求评审表 / 合同评审表): sections, signatures, discrepancies, conclusion.</summary>
[Authorize]
[Route("Reviews")]
public sealed class ReviewsController(
    AppDbContext db,
    ReviewWorkflow workflow,
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
        return model is null ? NotFound() : await access.CanReadAsync(User, model.Order, model.Review, cancellationToken) ? View(model) : Forbid();
    }

    [HttpPost("{id:guid}/Sections/{department}/Sign")]
    public async Task<IActionResult> Sign(Guid id, string department, SignInput input, CancellationToken cancellationToken)
    {
        if (!await CanActForAsync(department, cancellationToken))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var result = await workflow.SignAsync(
                id, department, UserId,
                new SignCommand(input.Conclusion!.Value, input.Comments, Checklist(department, input.Checked), input.ContentVersion, input.Password),
                cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["The {0} section was signed.", await departmentNames.OfAsync(department, cancellationToken)].Value;
                return RedirectToAction(nameof(Details), new { id });
            }

            if (result.Error == ReviewWorkflow.NotFound)
            {
                return NotFound();
            }

            ModelState.AddDomainError(result.Error!, l);
        }

        input.Password = "";
        var model = await ModelAsync(id, cancellationToken, department, input);
        if (model is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), model);
    }

    [CreatesRecord]
    [HttpPost("{id:guid}/Sections/{department}/Discrepancies")]
    public async Task<IActionResult> RaiseDiscrepancy(Guid id, string department, DiscrepancyInput input, CancellationToken cancellationToken)
    {
        if (!await CanActForAsync(department, cancellationToken))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(id, department, cancellationToken);
        }

        var name = await DisplayNameAsync(cancellationToken);
        return Done(id, await workflow.RaiseDiscrepancyAsync(id, department, UserId, name, input.Clause.Trim(), input.Description.Trim(), cancellationToken), l["The discrepancy was raised. The sales manager resolves it with the customer."]);
    }

    [HttpPost("{id:guid}/Discrepancies/{discrepancyId:guid}/Resolve")]
    [Authorize(Roles = Roles.SalesManager)]
    public async Task<IActionResult> ResolveDiscrepancy(Guid id, Guid discrepancyId, ResolutionInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(id, null, cancellationToken);
        }

        var name = await DisplayNameAsync(cancellationToken);
        var result = await workflow.ResolveDiscrepancyAsync(id, discrepancyId, input.Resolution.Trim(), input.Evidence, input.EvidenceReference?.Trim(), input.ChangesContent, name, cancellationToken);
        return Done(id, result, input.ChangesContent
            ? l["The resolution was recorded. The order changed, so every section must be signed again."]
            : l["The resolution was recorded. The raising department confirms it."]);
    }

    [HttpPost("{id:guid}/Discrepancies/{discrepancyId:guid}/Confirm")]
    public async Task<IActionResult> ConfirmDiscrepancy(Guid id, Guid discrepancyId, CancellationToken cancellationToken)
    {
        var department = await db.Discrepancies.Where(d => d.Id == discrepancyId && d.ReviewId == id).Select(d => d.DepartmentCode).FirstOrDefaultAsync(cancellationToken);
        if (department is null)
        {
            return NotFound();
        }

        if (!await CanActForAsync(department, cancellationToken))
        {
            return Forbid();
        }

        var name = await DisplayNameAsync(cancellationToken);
        return Done(id, await workflow.ConfirmDiscrepancyAsync(id, discrepancyId, department, name, cancellationToken), l["The discrepancy is closed."]);
    }

    [HttpPost("{id:guid}/Discrepancies/{discrepancyId:guid}/Reopen")]
    public async Task<IActionResult> ReopenDiscrepancy(Guid id, Guid discrepancyId, [MaxLength(Discrepancy.TextLength)] string? reason, CancellationToken cancellationToken)
    {
        var department = await db.Discrepancies.Where(d => d.Id == discrepancyId && d.ReviewId == id).Select(d => d.DepartmentCode).FirstOrDefaultAsync(cancellationToken);
        if (department is null)
        {
            return NotFound();
        }

        if (!await CanActForAsync(department, cancellationToken))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("", l["Say why the resolution is not enough."]);
            return await ShowErrorsAsync(id, null, cancellationToken);
        }

        return Done(id, await workflow.ReopenDiscrepancyAsync(id, discrepancyId, department, reason.Trim(), cancellationToken), l["The discrepancy was reopened."]);
    }

    [HttpPost("{id:guid}/Meeting")]
    [Authorize(Roles = Roles.SalesManager)]
    public async Task<IActionResult> Meeting(Guid id, MeetingInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(id, null, cancellationToken);
        }

        return Done(id, await workflow.RecordMeetingAsync(id, input.Date!.Value, input.Attendees.Trim(), input.Minutes.Trim(), cancellationToken), l["The review meeting was recorded."]);
    }

    [HttpPost("{id:guid}/RaiseLevel")]
    [Authorize(Roles = Roles.SalesManager)]
    public async Task<IActionResult> RaiseLevel(Guid id, ReviewLevel level, [MaxLength(Review.TextLength)] string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("", l["Give the reason for raising the level."]);
            return await ShowErrorsAsync(id, null, cancellationToken);
        }

        var name = await DisplayNameAsync(cancellationToken);
        return Done(id, await workflow.RaiseLevelAsync(id, level, name, reason.Trim(), cancellationToken), l["The review level was raised."]);
    }

    [HttpPost("{id:guid}/Conclude")]
    [Authorize(Roles = Roles.SalesManager)]
    public async Task<IActionResult> Conclude(Guid id, DecisionInput input, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? Done(id, await workflow.ConcludeAsync(id, UserId, input.Password, input.Comment, cancellationToken), l["The review is concluded: the order is approved."])
            : await ShowErrorsAsync(id, null, cancellationToken);

    [HttpPost("{id:guid}/Approve")]
    [Authorize(Roles = Roles.GeneralManager)]
    public async Task<IActionResult> Approve(Guid id, DecisionInput input, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? Done(id, await workflow.ApproveAsync(id, UserId, input.Password, input.Comment, cancellationToken), l["Approved by the general manager."])
            : await ShowErrorsAsync(id, null, cancellationToken);

    [HttpPost("{id:guid}/Reject")]
    [Authorize(Roles = Roles.GeneralManager)]
    public async Task<IActionResult> Reject(Guid id, DecisionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            ModelState.AddModelError("", l["Give the reason for the rejection."]);
        }

        return ModelState.IsValid
            ? Done(id, await workflow.RejectAsync(id, UserId, input.Password, input.Comment!.Trim(), cancellationToken), l["The order was rejected."])
            : await ShowErrorsAsync(id, null, cancellationToken);
    }

    [HttpGet("{id:guid}/Print")]
    public async Task<IActionResult> Print(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : await access.CanReadAsync(User, model.Order, model.Review, cancellationToken) ? View(model) : Forbid();
    }

    [HttpGet("{id:guid}/Pdf")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, model.Order, model.Review, cancellationToken))
        {
            return Forbid();
        }

        var bytes = formDocument.Render(model);
        return File(bytes, "application/pdf", $"review-{model.Order.Number}.pdf");
    }

    [HttpGet("{id:guid}/History")]
    public async Task<IActionResult> History(Guid id, int? page, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, model.Order, model.Review, cancellationToken))
        {
            return Forbid();
        }

        var r = model.Review;
        var ids = r.Sections.Select(s => s.Id).Concat(r.Signatures.Select(s => s.Id)).Concat(r.Discrepancies.Select(d => d.Id)).Append(r.Id)
            .Select(x => x.ToString()).ToList();
        var view = await history.ForAsync(model.Order.Number, Url.Action(nameof(Details), new { id })!, ids, page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    private async Task<bool> CanActForAsync(string department, CancellationToken cancellationToken) =>
        (await access.SignableDepartmentsAsync(UserId, cancellationToken)).Contains(department);

    private Task<ReviewDetailsViewModel?> ModelAsync(Guid id, CancellationToken cancellationToken, string? errorSection = null, SignInput? posted = null) =>
        queries.DetailsAsync(id, User, cancellationToken, errorSection, posted);

    private async Task<IActionResult> ShowErrorsAsync(Guid id, string? section, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken, section);
        if (model is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), model);
    }

    private IActionResult Done(Guid id, Result result, string message)
    {
        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? message : result.Error!.Localize(l);
        return RedirectToAction(nameof(Details), new { id });
    }

    private static List<string> Checklist(string department, IEnumerable<string> posted)
    {
        // Only items that are on this department's checklist are recorded.
        var items = ReviewDepartments.Checklist(department);
        return posted.Where(items.Contains).Distinct().ToList();
    }

    private Task<string> DisplayNameAsync(CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == UserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);

}
