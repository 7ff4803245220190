using System.Security.Claims;
using CustomerProcess.Domain.Contracts;
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
    CustomerQueries commands,
    CustomerFileGate gate,
    EditConflicts conflicts,
    HistoryQuery history,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const string ClassChangeDeciders = Roles.SalesManager + "," + Roles.GeneralManager + "," + Roles.QualityHead;

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

    /// <summary>The customer's file: details, contacts, bank and tax. Read by the owner, the standing roles and holders of
    /// an approved access; every read is logged (ADR 0025). Others get 403 with the way to ask for access.</summary>
    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (await gate.OpenAsync(customer, User, [CustomerFilePart.DetailsPage], cancellationToken) is null)
        {
            return NoAccess(customer);
        }

        return View(await DetailsModelAsync(customer, new ContactInput(), cancellationToken));
    }

    /// <summary>The customer's contracts: part of the file, read and logged like it.</summary>
    [HttpGet]
    public async Task<IActionResult> Contracts(Guid id, int? page, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (await gate.OpenAsync(customer, User, [CustomerFilePart.Contracts], cancellationToken) is null)
        {
            return NoAccess(customer);
        }

        var rows = await db.Contracts.AsNoTracking()
            .Where(k => k.CustomerId == id)
            .OrderByDescending(k => k.SignedOn).ThenByDescending(k => k.Number)
            .Select(k => new CustomerContractRow(k.Id, k.Number, k.SignedOn, k.AmountMinor, k.Currency, k.Status))
            .ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(Contracts), new { id, page = p })!);
        return View(new CustomerContractsViewModel(customer.Id, customer.Code, customer.Name, rows, pager));
    }

    /// <summary>The owner or the sales manager asks for a change of class with a reason (issue #16).</summary>
    [HttpGet]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> ChangeClass(Guid id, CancellationToken cancellationToken) =>
        await ChangeClassFormAsync(id, new RequestClassChange.Input(), cancellationToken);

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> ChangeClass(Guid id, RequestClassChange.Input input, [FromServices] RequestClassChange.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ChangeClassFormAsync(id, input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(id, input, cancellationToken),
                _ =>
                {
                    TempData["Message"] = l["The change of class waits for approval."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => ChangeClassFormAsync(id, input, cancellationToken),
                l);

    /// <summary>Class changes waiting for a decision: the sales manager, the general manager and quality decide.</summary>
    [HttpGet]
    [Authorize(Roles = ClassChangeDeciders)]
    public async Task<IActionResult> ClassChanges(int? page, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in db.CustomerClassChangeRequests.AsNoTracking()
                join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id
                where r.Status == ClassChangeStatus.Pending
                orderby r.RequestedAtUtc
                select new ClassChangeRow(r, c.Code, c.Name))
            .ToPageAsync(page, cancellationToken);
        var pager = PagerModel.For(rows, p => Url.Action(nameof(ClassChanges), new { page = p })!);
        return View(new ClassChangesViewModel(rows, pager));
    }

    [HttpPost]
    [Authorize(Roles = ClassChangeDeciders)]
    public async Task<IActionResult> ApproveClassChange(Guid id, [FromServices] ApproveClassChange.Handler handler, CancellationToken cancellationToken) =>
        await this.RespondByRedirect(await handler.HandleAsync(id, cancellationToken), l["Your approval was recorded."], () => RedirectToAction(nameof(ClassChanges)), l);

    [HttpPost]
    [Authorize(Roles = ClassChangeDeciders + "," + Roles.Sales)]
    public async Task<IActionResult> RejectClassChange(Guid id, RejectClassChange.Input input, [FromServices] RejectClassChange.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? RefusedInput(nameof(ClassChanges))
            : await this.RespondByRedirect(await handler.HandleAsync(id, input, cancellationToken), l["The change of class was refused; the class is unchanged."], () => RedirectToAction(nameof(ClassChanges)), l);

    [HttpGet]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", await FormAsync(null, new CustomerInput(), CreateClasses, cancellationToken));

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Create(CustomerInput input, [FromServices] CreateCustomer.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(null, input, CreateClasses, cancellationToken));
        }

        return await this.Respond(
            await handler.HandleAsync(input, UserId, IsSalesManager, cancellationToken),
            id =>
            {
                TempData["Message"] = l["Customer {0} was created.", input.Name].Value;
                return RedirectToAction(nameof(Details), new { id });
            },
            async () => View("Form", await FormAsync(null, input, CreateClasses, cancellationToken)),
            l);
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

        return View("Form", await FormAsync(id, CustomerQueries.ToInput(customer), [customer.Class], cancellationToken));
    }

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Edit(Guid id, CustomerInput input, [FromServices] EditCustomer.Handler handler, CancellationToken cancellationToken)
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
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(id, input, [customer.Class], cancellationToken));
        }

        var result = await handler.HandleAsync(customer, input, UserId, IsSalesManager, cancellationToken);
        if (!result.Succeeded && result.Error!.Is(EditCustomer.Handler.Stale))
        {
            return await StaleAsync(id, input, cancellationToken);
        }

        return await this.Respond(
            result,
            () =>
            {
                TempData["Message"] = l["The changes were saved."].Value;
                return RedirectToAction(nameof(Details), new { id });
            },
            async () => View("Form", await FormAsync(id, input, [customer.Class], cancellationToken)),
            l);
    }

    /// <summary>Marking a customer inactive is asked with a reason and approved by the sales manager, like a change of
    /// class (issue #16); nothing is deleted.</summary>
    [HttpGet]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken) =>
        await DeactivateFormAsync(id, new RequestDeactivation.Input(), cancellationToken);

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Deactivate(Guid id, RequestDeactivation.Input input, [FromServices] RequestDeactivation.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await DeactivateFormAsync(id, input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(id, input, cancellationToken),
                _ =>
                {
                    TempData["Message"] = l["The customer will be marked inactive when the sales manager approves."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => DeactivateFormAsync(id, input, cancellationToken),
                l);

    /// <summary>The owner or the sales manager records that the customer closed or went bankrupt; it comes up in the
    /// archive review with that reason (issue #16).</summary>
    [HttpGet]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> ReportClosure(Guid id, CancellationToken cancellationToken) =>
        await ClosureFormAsync(id, new ReportCustomerClosure.Input(), cancellationToken);

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> ReportClosure(Guid id, ReportCustomerClosure.Input input, [FromServices] ReportCustomerClosure.Handler handler, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? await ClosureFormAsync(id, input, cancellationToken)
            : await this.Respond(
                await handler.HandleAsync(id, input, cancellationToken),
                () =>
                {
                    TempData["Message"] = l["Recorded. The customer is listed in the archive review to be marked inactive."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                },
                () => ClosureFormAsync(id, input, cancellationToken),
                l);

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> Reactivate(Guid id, [FromServices] ReactivateCustomer.Handler handler, CancellationToken cancellationToken)
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

        var result = await handler.HandleAsync(customer, cancellationToken);
        TempData["Message"] = result.Succeeded ? l["Customer {0} is active again.", customer.Name].Value : result.Error!.Localize(l);
        return RedirectToAction(nameof(Details), new { id });
    }

    [CreatesRecord]
    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> AddContact(Guid id, [Bind(Prefix = "NewContact")] ContactInput input, [FromServices] AddCustomerContact.Handler handler, CancellationToken cancellationToken)
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
            return View(nameof(Details), await DetailsModelAsync(customer, input, cancellationToken));
        }

        await handler.HandleAsync(customer, input, cancellationToken);
        TempData["Message"] = l["Contact {0} was added.", input.Name].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    [Authorize(Roles = Roles.CustomerEditors)]
    public async Task<IActionResult> DeactivateContact(Guid id, Guid contactId, [FromServices] DeactivateCustomerContact.Handler handler, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null || customer.Contacts.All(c => c.Id != contactId))
        {
            return NotFound();
        }

        if (!MayEdit(customer))
        {
            return Forbid();
        }

        return await this.Respond(
            await handler.HandleAsync(customer, contactId, cancellationToken),
            name =>
            {
                TempData["Message"] = l["Contact {0} was removed from the active list (the record is kept).", name].Value;
                return RedirectToAction(nameof(Details), new { id });
            },
            () => Task.FromResult<IActionResult>(RedirectToAction(nameof(Details), new { id })),
            l);
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id, int? page, [FromQuery] HistoryFilter.Input filter, CancellationToken cancellationToken)
    {
        var customer = await commands.FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (await gate.OpenAsync(customer, User, [CustomerFilePart.History], cancellationToken) is null)
        {
            return NoAccess(customer);
        }

        var ids = customer.Contacts.Select(x => x.Id).Select(x => x.ToString()).Append(id.ToString()).ToList();
        var model = await history.ForAsync(
            customer.Name, Url.Action(nameof(Details), new { id })!, ids, page, filter, p => Url.Action(nameof(History), new { id, page = p })!, cancellationToken);
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

        ViewData["Conflict"] = await conflicts.DescribeAsync(nameof(Customer), id.ToString(), input.Loaded, CustomerQueries.Snapshot(current), cancellationToken);
        input.Version = current.Version;
        input.Loaded = EditConflicts.Encode(CustomerQueries.Snapshot(current));
        Response.StatusCode = StatusCodes.Status409Conflict; // the one concurrency policy: a stale save is a conflict (as products, departments, users, orders)
        return View("Form", await FormAsync(id, input, [current.Class], cancellationToken));
    }

    private static IReadOnlyList<CustomerClass> CreateClasses { get; } = Enum.GetValues<CustomerClass>().Where(CustomerClassRules.MayCreateAs).ToList();

    /// <summary>403 with the way to ask for access (the customer's name and code only).</summary>
    private ViewResult NoAccess(Customer customer)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("NoAccess", customer);
    }

    private async Task<CustomerDetailsViewModel> DetailsModelAsync(Customer customer, ContactInput newContact, CancellationToken cancellationToken)
    {
        var owner = await commands.OwnerNameAsync(customer.OwnerUserId, cancellationToken);
        var classRequests = await db.CustomerClassChangeRequests.AsNoTracking()
            .Where(r => r.CustomerId == customer.Id && r.Status == ClassChangeStatus.Pending)
            .OrderBy(r => r.RequestedAtUtc)
            .ToListAsync(cancellationToken);
        return new CustomerDetailsViewModel(
            customer, owner, MayEdit(customer), newContact, await commands.PendingProposalsAsync(customer.Id, cancellationToken), classRequests,
            CustomerFileAccess.MaySeeViewLog(customer, UserId, User.IsInRole));
    }

    private Task<IActionResult> DeactivateFormAsync(Guid id, RequestDeactivation.Input input, CancellationToken cancellationToken) =>
        EditorFormAsync(id, customer =>
        {
            ViewData["Customer"] = customer;
            return View("Deactivate", input);
        }, cancellationToken);

    private Task<IActionResult> ClosureFormAsync(Guid id, ReportCustomerClosure.Input input, CancellationToken cancellationToken) =>
        EditorFormAsync(id, customer =>
        {
            ViewData["Customer"] = customer;
            return View("ReportClosure", input);
        }, cancellationToken);

    private Task<IActionResult> ChangeClassFormAsync(Guid id, RequestClassChange.Input input, CancellationToken cancellationToken) =>
        EditorFormAsync(id, customer =>
        {
            var targets = CustomerClassRules.AllowedTargets(customer.Class).Where(c => c != customer.Class).ToList();
            return View("ChangeClass", new ChangeClassViewModel(customer.Id, customer.Code, customer.Name, customer.Class, targets, input));
        }, cancellationToken);

    /// <summary>A form about one customer for someone who may change it (owner or sales manager): 404 when it does not
    /// exist, 403 for anyone else.</summary>
    private async Task<IActionResult> EditorFormAsync(Guid id, Func<Customer, IActionResult> show, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        return MayEdit(customer) ? show(customer) : Forbid();
    }

    private async Task<CustomerFormViewModel> FormAsync(Guid? id, CustomerInput input, IEnumerable<CustomerClass> classes, CancellationToken cancellationToken) =>
        new(
            id,
            input,
            IsSalesManager ? await commands.OwnerChoicesAsync(cancellationToken) : [],
            classes.Distinct().Order().ToList(),
            id is { } customerId ? await commands.PendingProposalsAsync(customerId, cancellationToken) : []);

    /// <summary>A button's small form was refused by its validator: back to the list with the messages.</summary>
    private RedirectToActionResult RefusedInput(string action)
    {
        TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return RedirectToAction(action);
    }
}
