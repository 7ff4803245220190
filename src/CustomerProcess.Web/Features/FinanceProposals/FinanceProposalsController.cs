using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
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
public sealed class FinanceProposalsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

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
    public Task<IActionResult> Confirm(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, (proposal, customer, name, now) => proposal.Confirm(customer, UserId, name, now), l["The change was confirmed; the customer's figures are updated."], cancellationToken);

    [HttpPost]
    public Task<IActionResult> Reject(Guid id, [MaxLength(CustomerFinanceProposal.ReasonLength)] string? note, CancellationToken cancellationToken) =>
        DecideAsync(id, (proposal, _, name, now) => proposal.Reject(UserId, name, now, Clip(note)), l["The proposal was rejected; the customer's figures are unchanged."], cancellationToken);

    private static string? Clip(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private async Task<IActionResult> DecideAsync(
        Guid id, Func<CustomerFinanceProposal, Customer, string, DateTime, Domain.Common.Result> decide, string message, CancellationToken cancellationToken)
    {
        var proposal = await db.CustomerFinanceProposals.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }

        var customer = await db.Customers.FirstAsync(c => c.Id == proposal.CustomerId, cancellationToken);
        var name = await db.Users.Where(u => u.Id == UserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var result = decide(proposal, customer, name, clock.GetUtcNow().UtcDateTime);
        if (result.Succeeded)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Error"] = l["Someone else changed this record while you were editing. Reload and try again."].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? message : result.Error!.Localize(l);
        return RedirectToAction(nameof(Index));
    }
}
