using System.Security.Claims;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.History;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Customers;

[Authorize]
public sealed class CustomersController(
    AppDbContext db,
    CustomerCommands commands,
    EditConflicts conflicts,
    HistoryQuery history,
    IStringLocalizer<SharedResource> l) : Controller
{
    private bool CanCreate => User.IsInRole(Roles.Sales) || User.IsInRole(Roles.SalesManager) || User.IsInRole(Roles.Administrator);

    private bool IsSalesManager => User.IsInRole(Roles.SalesManager);

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Only the owner and the sales manager change a customer (issue #21); others read it.</summary>
    private bool MayEdit(Customer customer) => customer.MayBeEditedBy(UserId, IsSalesManager);

    [HttpGet]
    public async Task<IActionResult> Index(string? q, CustomerClass? cls, CustomerStatus? status, int? page, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(c => c.Code.StartsWith(term) || c.SearchName.Contains(term));
        }

        if (cls is not null)
        {
            query = query.Where(c => c.Class == cls);
        }

        if (status is not null)
        {
            query = query.Where(c => c.Status == status);
        }

        var rows = await query
            .OrderBy(c => c.Code)
            .Select(c => new CustomerListRow(
                c.Id, c.Code, c.Name, c.Class, c.Status, c.CreditRating,
                db.Users.Where(u => u.Id == c.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Index), new { q, cls, status, page = p })!);
        return View(new CustomerIndexViewModel(q, cls, status, rows, pager, CanCreate));
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        var owner = await commands.OwnerNameAsync(customer.OwnerUserId, cancellationToken);
        return View(new CustomerDetailsViewModel(customer, owner, MayEdit(customer), new ContactInput(), await commands.PendingProposalsAsync(id, cancellationToken)));
    }

    [HttpGet]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", await FormAsync(null, new CustomerInput(), CustomerClassRules.AllowedTargets(CustomerClass.Prospect).Append(CustomerClass.Prospect), cancellationToken));

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Create(CustomerInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await commands.CreateAsync(input, UserId, IsSalesManager, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Customer {0} was created.", input.Name].Value;
                return RedirectToAction(nameof(Details), new { id = result.Value });
            }

            ModelState.AddDomainError(result.Error!, l);
        }

        return View("Form", await FormAsync(null, input, Enum.GetValues<CustomerClass>(), cancellationToken));
    }

    [HttpGet]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        return View("Form", await FormAsync(id, CustomerCommands.ToInput(customer), CustomerClassRules.AllowedTargets(customer.Class), cancellationToken));
    }

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Edit(Guid id, CustomerInput input, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        input.Code = customer.Code; // the code is the archive key and does not change
        ModelState.Remove(nameof(input.Code)); // fixed after creation; a posted value is ignored
        if (ModelState.IsValid)
        {
            var result = await commands.UpdateAsync(customer, input, UserId, IsSalesManager, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["The changes were saved."].Value;
                return RedirectToAction(nameof(Details), new { id });
            }

            if (result.Error!.Code == CustomerCommands.Stale.Code)
            {
                return await StaleAsync(id, input, cancellationToken);
            }

            ModelState.AddDomainError(result.Error!, l);
        }

        return View("Form", await FormAsync(id, input, CustomerClassRules.AllowedTargets(customer.Class), cancellationToken));
    }

    [HttpGet]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        ViewData["Customer"] = customer;
        return View(new DeactivateInput());
    }

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Deactivate(Guid id, DeactivateInput input, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var result = customer.Deactivate(input.Reason.Trim());
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = l["Customer {0} is now inactive. Its records are kept.", customer.Name].Value;
                return RedirectToAction(nameof(Details), new { id });
            }

            ModelState.AddDomainError(result.Error!, l);
        }

        ViewData["Customer"] = customer;
        return View(input);
    }

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Reactivate(Guid id, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        var result = customer.Reactivate();
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Message"] = result.Succeeded ? l["Customer {0} is active again.", customer.Name].Value : result.Error!.Localize(l);
        return RedirectToAction(nameof(Details), new { id });
    }

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> AddContact(Guid id, [Bind(Prefix = "NewContact")] ContactInput input, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            var owner = await commands.OwnerNameAsync(customer.OwnerUserId, cancellationToken);
            return View(nameof(Details), new CustomerDetailsViewModel(customer, owner, true, input, await commands.PendingProposalsAsync(id, cancellationToken)));
        }

        customer.AddContact(input.Name.Trim(), input.Title?.Trim(), input.Phone?.Trim(), input.Email?.Trim(), input.IsPrimary);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Contact {0} was added.", input.Name].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> DeactivateContact(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        var contact = customer?.Contacts.FirstOrDefault(c => c.Id == contactId);
        if (customer is null || contact is null)
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        contact.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Contact {0} was removed from the active list (the record is kept).", contact.Name].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.Name, ContactIds = c.Contacts.Select(x => x.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        var ids = customer.ContactIds.Select(x => x.ToString()).Append(id.ToString()).ToList();
        var model = await history.ForAsync(
            customer.Name, Url.Action(nameof(Details), new { id })!, ids, page, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
        return View("History", model);
    }

    /// <summary>Someone else saved the customer after this form was loaded: show their change, keep the input,
    /// and let the next save go against the current version.</summary>
    private async Task<IActionResult> StaleAsync(Guid id, CustomerInput input, CancellationToken cancellationToken)
    {
        var current = await commands.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        ViewData["Conflict"] = await conflicts.DescribeAsync(nameof(Customer), id.ToString(), input.Loaded, CustomerCommands.Snapshot(current), cancellationToken);
        input.Version = current.Version;
        input.Loaded = EditConflicts.Encode(CustomerCommands.Snapshot(current));
        return View("Form", await FormAsync(id, input, CustomerClassRules.AllowedTargets(current.Class).Append(current.Class), cancellationToken));
    }

    private async Task<CustomerFormViewModel> FormAsync(Guid? id, CustomerInput input, IEnumerable<CustomerClass> classes, CancellationToken cancellationToken) =>
        new(
            id,
            input,
            IsSalesManager ? await commands.OwnerChoicesAsync(cancellationToken) : [],
            classes.Distinct().Order().ToList(),
            id is { } customerId ? await commands.PendingProposalsAsync(customerId, cancellationToken) : []);
}
