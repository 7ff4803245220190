using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Notices;

public sealed record NoticeFormViewModel(Contract Contract, string CustomerName, IssueTaskNotice.Input Input, IReadOnlyList<KeyValuePair<string, string>> Departments, TaskNotice? Current);

public sealed record NoticeDetailsViewModel(
    TaskNotice Notice,
    Contract Contract,
    Customer Customer,
    string OrderNumber,
    ContractChange? Change,
    IReadOnlyDictionary<string, string> DepartmentNames,
    IReadOnlySet<string> ActingDepartments,
    bool CanIssueRevision)
{
    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : code;

    public string Title => Notice.Kind == NoticeKind.ProductionTask ? "销售生产任务通知单 / Production Task Notice" : "产品变更通知单 / Product Change Notice";
}

/// <summary>Production task notices (销售生产任务通知单) and product change notices: issued by the contract
/// administrator, acknowledged (签收) by each department concerned, printable and as PDF.</summary>
[Authorize]
[Route("Notices")]
public sealed class NoticesController(
    AppDbContext db,
    NoticeWorkflow notices,
    ContractTracking tracking,
    TrackingAccess access,
    TaskNoticeDocument document,
    HistoryQuery history,
    DepartmentNames departmentNames,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("New")]
    public async Task<IActionResult> New(Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        if (!TrackingAccess.CanAdminister(User))
        {
            return Forbid();
        }

        var draft = (await notices.DraftAsync(contractId, cancellationToken))!;
        var input = new IssueTaskNotice.Input
        {
            ContractId = contractId,
            Departments = draft.Departments.ToList(),
            SpecialRequirements = draft.SpecialRequirements,
            ReviewConditions = draft.ReviewConditions,
        };
        return View("Form", await FormAsync(contract, input, draft.Current, cancellationToken));
    }

    [CreatesRecord]
    [HttpPost("New")]
    public async Task<IActionResult> New(IssueTaskNotice.Input input, [FromServices] IssueTaskNotice.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Not found and not allowed come before the form's own messages.
            var allowed = await handler.AuthorizeAsync(input.ContractId, User, cancellationToken);
            return allowed.Succeeded ? await RedisplayAsync(input, cancellationToken) : await this.Failed(allowed.Error!, () => RedisplayAsync(input, cancellationToken), l);
        }

        return await this.Respond(
            await handler.HandleAsync(input, User, cancellationToken),
            notice =>
            {
                TempData["Message"] = l["Task notice {0} was issued to the departments.", notice.Number].Value;
                return RedirectToAction(nameof(Details), new { id = notice.Id });
            },
            () => RedisplayAsync(input, cancellationToken),
            l);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : await CanReadAsync(model, cancellationToken) ? View(model) : Forbid();
    }

    /// <summary>A department acknowledges receipt. Only someone acting for that department may do it.</summary>
    [HttpPost("{id:guid}/Acknowledge/{department}")]
    public async Task<IActionResult> Acknowledge(Guid id, string department, AcknowledgeNotice.Input input, [FromServices] AcknowledgeNotice.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var allowed = await handler.AuthorizeAsync(id, department, User, cancellationToken);
            if (!allowed.Succeeded)
            {
                return await this.Failed(allowed.Error!, () => Task.FromResult<IActionResult>(BackToDetails(id)), l);
            }

            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return BackToDetails(id);
        }

        return await this.RespondByRedirect(await handler.HandleAsync(id, department, input, User, cancellationToken), l["Receipt acknowledged."], () => BackToDetails(id), l);
    }

    [HttpGet("{id:guid}/Print")]
    public async Task<IActionResult> Print(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : await CanReadAsync(model, cancellationToken) ? View(model) : Forbid();
    }

    [HttpGet("{id:guid}/Pdf")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return await CanReadAsync(model, cancellationToken)
            ? File(document.Render(model), "application/pdf", $"notice-{model.Notice.Number}.pdf")
            : Forbid();
    }

    [HttpGet("{id:guid}/History")]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!await CanReadAsync(model, cancellationToken))
        {
            return Forbid();
        }

        var n = model.Notice;
        var ids = n.Acknowledgements.Select(a => a.Id).Concat(n.Lines.Select(x => x.Id)).Append(n.Id).Select(x => x.ToString()).ToList();
        var view = await history.ForAsync(n.Number, Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", view);
    }

    private async Task<bool> CanReadAsync(NoticeDetailsViewModel model, CancellationToken cancellationToken) =>
        model.Notice.Acknowledgements.Any(a => model.ActingDepartments.Contains(a.DepartmentCode))
        || await access.CanReadAsync(User, model.Contract, cancellationToken);

    private async Task<NoticeDetailsViewModel?> ModelAsync(Guid id, CancellationToken cancellationToken)
    {
        var notice = await notices.FindAsync(id, cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var contract = (await tracking.LoadAsync(notice.ContractId, cancellationToken))!;
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == contract.CustomerId, cancellationToken);
        var orderNumber = await db.SalesOrders.Where(o => o.Id == contract.OrderId).Select(o => o.Number).FirstAsync(cancellationToken);
        var change = notice.ChangeId is { } changeId ? await db.ContractChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeId, cancellationToken) : null;
        var chinese = Formatting.IsChinese;
        var names = await departmentNames.AllAsync(cancellationToken);
        var acting = await access.ActingDepartmentsAsync(TrackingAccess.UserId(User), cancellationToken);
        var canRevise = TrackingAccess.CanAdminister(User) && notice.Kind == NoticeKind.ProductionTask && notice.Status != NoticeStatus.Superseded
                        && contract.Status == ContractStatus.Executing;
        return new NoticeDetailsViewModel(notice, contract, customer, orderNumber, change, names, acting, canRevise);
    }

    private RedirectToActionResult BackToDetails(Guid id) => RedirectToAction(nameof(Details), new { id });

    /// <summary>The notice form again with its messages (422).</summary>
    private async Task<IActionResult> RedisplayAsync(IssueTaskNotice.Input input, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == input.ContractId, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", await FormAsync(contract, input, await notices.CurrentTaskNoticeAsync(contract.Id, cancellationToken), cancellationToken));
    }

    private async Task<NoticeFormViewModel> FormAsync(Contract contract, IssueTaskNotice.Input input, TaskNotice? current, CancellationToken cancellationToken)
    {
        var full = (await tracking.LoadAsync(contract.Id, cancellationToken))!;
        var customerName = await db.Customers.Where(c => c.Id == contract.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var chinese = Formatting.IsChinese;
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code)
            .Select(d => new KeyValuePair<string, string>(d.Code, chinese ? d.NameZh : d.NameEn)).ToListAsync(cancellationToken);
        return new NoticeFormViewModel(full, customerName, input, departments, current);
    }
}
