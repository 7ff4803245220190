using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.FinanceProposals;

public sealed record FinanceProposalRow(CustomerFinanceProposal Proposal, string CustomerCode, string CustomerName);

/// <summary>Finance confirms or rejects what sales proposed for a customer's bank details, credit limit
/// and credit rating (issue #21, ADR 0012). Nothing changes on the customer until finance confirms.</summary>
[Authorize(Roles = Roles.FinanceHead)]
public sealed class FinanceProposalsController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await (
                from p in db.CustomerFinanceProposals.AsNoTracking()
                join c in db.Customers.AsNoTracking() on p.CustomerId equals c.Id
                where p.Status == FinanceProposalStatus.Pending
                orderby p.ProposedAtUtc
                select new FinanceProposalRow(p, c.Code, c.Name))
            .Take(500)
            .ToListAsync(cancellationToken);
        return View(rows);
    }

    [HttpPost]
    public async Task<IActionResult> Confirm(Guid id, [FromServices] ConfirmFinanceProposal.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(
            await handler.HandleAsync(id, cancellationToken), l["The change was confirmed; the customer's figures are updated."], () => RedirectToAction(nameof(Index)), l);

    [HttpPost]
    public async Task<IActionResult> Reject(Guid id, RejectFinanceProposal.Input input, [FromServices] RejectFinanceProposal.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? RefusedInput(nameof(Index))
            : await this.RespondByRedirect(
                await handler.HandleAsync(id, input, cancellationToken), l["The proposal was rejected; the customer's figures are unchanged."], () => RedirectToAction(nameof(Index)), l);

    /// <summary>A button's small form was refused by its validator: back to the list with the messages.</summary>
    private RedirectToActionResult RefusedInput(string action)
    {
        TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return RedirectToAction(action);
    }
}
